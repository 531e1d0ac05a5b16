package org.dateline.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

import org.dateline.shared.Slug;

/**
 * The demo content of a fresh install: seven sections per edition, the seed story, and generated wire copy in
 * English and Russian pairs. Deterministic for a given seed and instant, fast enough to generate 100,000 stories per
 * edition for benchmarks. Written from the project's own phrase banks; no outside corpus is shipped.
 */
public final class DemoCorpus {

    private static final String[][] SECTIONS = {
        {"russia", "Russia", "The latest news and stories from Russia. Stay tuned for updates and breaking news on defense, politics, economy and more.",
            "Россия", "Последние новости России. Следите за обновлениями и срочными новостями об обороне, политике, экономике и не только."},
        {"world", "World", "News from around the world: diplomacy, conflicts, elections and the people who shape them.",
            "В мире", "Новости со всего мира: дипломатия, конфликты, выборы и люди, которые определяют их ход."},
        {"economy", "Economy", "Markets, budgets, energy and business: the economic news that matters, as it happens.",
            "Экономика", "Рынки, бюджет, энергетика и бизнес: важные экономические новости в режиме реального времени."},
        {"defense", "Defense", "Armed forces, security policy and arms control, reported from Moscow and beyond.",
            "Оборона", "Вооружённые силы, политика безопасности и контроль над вооружениями: репортажи из Москвы и других городов."},
        {"science", "Science", "Space, medicine, climate and discovery: research news from laboratories and expeditions.",
            "Наука", "Космос, медицина, климат и открытия: новости науки из лабораторий и экспедиций."},
        {"sport", "Sport", "Results, transfers and championships: hockey, football, chess and every other game.",
            "Спорт", "Результаты, трансферы и чемпионаты: хоккей, футбол, шахматы и другие виды спорта."},
        {"culture", "Culture", "Cinema, theatre, books and museums: the cultural life of Russia and the world.",
            "Культура", "Кино, театр, книги и музеи: культурная жизнь России и мира."},
    };

    private static final String[] DAYS_EN = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    private static final String[] DAYS_RU = {"в понедельник", "во вторник", "в среду", "в четверг", "в пятницу",
        "в субботу", "в воскресенье"};
    private static final String[] MONTHS_EN = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};
    private static final String[] MONTHS_RU_PREP = {"январе", "феврале", "марте", "апреле", "мае", "июне", "июле",
        "августе", "сентябре", "октябре", "ноябре", "декабре"};
    private static final String[] MONTHS_RU_ACC = {"январь", "февраль", "март", "апрель", "май", "июнь", "июль",
        "август", "сентябрь", "октябрь", "ноябрь", "декабрь"};

    /** Headline, lead and body templates: English and Russian side by side, slots in braces. */
    private static final String[][] HEADLINES = {
        {"{I} to review {t}", "{In} рассмотрит {Ta}"},
        {"{o} urges rethink of {t}", "{O} призвал{e} пересмотреть {Ta}"},
        {"Officials in {p} discuss {t}", "В {Pp} обсудили {Ta}"},
        {"{I} takes stock of {t}", "{In} подводит промежуточные итоги: {T}"},
        {"Survey: {pct} per cent back {t}", "Опрос: {pct}% жителей поддерживают {Ta}"},
    };
    private static final String[][] LEADS = {
        {"{I} will review {t} at a meeting next week, {o} told reporters in {p} on {day}.",
            "{In} рассмотрит {Ta} на заседании на следующей неделе, сообщил{e} журналистам в {Pp} {dayRu} {O}."},
        {"{o} has urged officials to rethink {t}, saying the current plan leaves too many questions open.",
            "{O} призвал{e} пересмотреть {Ta}, заявив, что нынешний план оставляет слишком много открытых вопросов."},
        {"Officials meeting in {p} on {day} discussed {t}, with a decision expected before the end of {month}.",
            "Официальные лица, собравшиеся {dayRu} в {Pp}, обсудили {Ta}; решение ожидается до конца месяца."},
        {"{I} said on {day} that work on {t} was on schedule, although several questions remain open.",
            "Как сообщили {dayRu} представители {Ig}, работа идёт по графику, хотя ряд вопросов остаётся открытым. Речь идёт о теме «{T}»."},
        {"{pct} per cent of residents support {t}, according to a survey published in {p} on {day}.",
            "{pct}% жителей поддерживают {Ta}, свидетельствуют данные опроса, опубликованного {dayRu} в {Pp}."},
    };
    private static final String[][] PARAGRAPHS = {
        {"\"We expect a decision within weeks,\" {o} said. \"The work has reached the point where delays would cost more than they save.\"",
            "«Мы ожидаем решения в течение нескольких недель, — заявил{e} {O}. — Работа дошла до точки, когда промедление обойдётся дороже, чем сэкономит»."},
        {"According to {i}, about {n} specialists are involved, and the first results are due before the end of {year}.",
            "По данным {Ig}, в работе участвуют около {n} специалистов, а первые результаты ожидаются до конца {year} года."},
        {"A survey published last month found that {pct} per cent of respondents considered {t} a priority.",
            "Согласно опросу, опубликованному в прошлом месяце, {pct}% респондентов считают {Ta} приоритетом."},
        {"Critics have said the timetable is too ambitious. Supporters reply that the plan has been under discussion for more than {years} years.",
            "Критики считают график слишком амбициозным. Сторонники возражают, что план обсуждается уже более {years} лет."},
        {"The meeting in {p} brought together representatives of {n2} regions and several international organisations.",
            "Во встрече в {Pp} приняли участие представители {n2} регионов и нескольких международных организаций."},
        {"Officials declined to give a figure for the total cost, but earlier estimates put it at {bn} billion roubles.",
            "Официальные лица отказались назвать общую стоимость, однако по предварительным оценкам она составит {bn} млрд рублей."},
        {"A detailed report by {i} is expected in the coming days.",
            "В ближайшие дни ожидается публикация подробного доклада {Ig}."},
        {"The previous round of consultations ended without agreement in {lastMonth}.",
            "Предыдущий раунд консультаций завершился без договорённостей в {lastMonthPrep}."},
        {"\"This is not a question of one year. It is a question of the next decade,\" {o} said.",
            "«Это вопрос не одного года, а следующего десятилетия», — сказал{e} {O}."},
        {"Local business groups welcomed the announcement, saying it would bring clarity to investment plans.",
            "Местные деловые объединения приветствовали это заявление, отметив, что оно внесёт ясность в инвестиционные планы."},
        {"The issue will be raised again at the next session of {i}, scheduled for {nextMonth}.",
            "Вопрос вновь будет поднят на следующем заседании {Ig}, запланированном на {nextMonthAcc}."},
        {"Observers in {p} said the outcome would set a precedent for other regions.",
            "Наблюдатели в {Pp} отмечают, что итог создаст прецедент для других регионов."},
    };

    private DemoCorpus() {
    }

    public static List<DemoSection> sections() {
        List<DemoSection> sections = new ArrayList<>();
        for (int i = 0; i < SECTIONS.length; i++) {
            String[] s = SECTIONS[i];
            sections.add(new DemoSection("en", s[0], s[1], s[2], i + 1));
            sections.add(new DemoSection("ru", s[0], s[3], s[4], i + 1));
        }
        return sections;
    }

    /** The seed story opens the list, once per edition. */
    static final int SEED_STORIES = 2;
    /** The time zones a new install gives the two editions. */
    static final Map<String, ZoneId> INSTALL_ZONES = Map.of("en", ZoneOffset.UTC, "ru", ZoneId.of("Europe/Moscow"));
    /** No headline repeats one of the stories published just before it (a reader sees them side by side). */
    static final int DISTINCT_HEADLINES = 60;
    private static final int REDRAWS = 20;

    /** The same, with the editions' time zones of a new install. */
    public static List<DemoArticle> articles(int perEdition, long seed, Instant now) {
        return articles(perEdition, seed, now, INSTALL_ZONES::get);
    }

    /**
     * The seed story in both editions, then {@code perEdition} generated stories per edition, newest first. Days
     * and months a story names agree with its date in its edition's time zone ("on Monday" is the day it appeared).
     */
    public static List<DemoArticle> articles(int perEdition, long seed, Instant now,
                                             Function<String, ZoneId> zones) {
        List<DemoArticle> articles = new ArrayList<>(2 * perEdition + 2);
        articles.add(SeedStory.english());
        articles.add(SeedStory.russian());
        SplittableRandom random = new SplittableRandom(seed);
        Instant published = now.minus(Duration.ofMinutes(3));
        Deque<String> recent = new ArrayDeque<>(DISTINCT_HEADLINES);
        for (int i = 0; i < perEdition; i++) {
            Story story = new Story(random, i);
            for (int redraw = 0; redraw < REDRAWS && recent.contains(story.headlineKey()); redraw++) {
                story = new Story(random, i);
            }
            if (recent.size() == DISTINCT_HEADLINES) {
                recent.removeLast();
            }
            recent.addFirst(story.headlineKey());
            articles.add(story.article(true, published.atZone(zones.apply("en")).toLocalDate(), published));
            articles.add(story.article(false, published.atZone(zones.apply("ru")).toLocalDate(), published));
            published = published.minus(Duration.ofMinutes(20 + random.nextInt(71))).minusSeconds(random.nextInt(60));
        }
        return articles;
    }

    /** The choices behind one story, rendered once per edition. */
    private static final class Story {
        final int index;
        final WordBank.Vocabulary vocabulary;
        final WordBank.Topic topic;
        final WordBank.Institution institution;
        final WordBank.Place place;
        final WordBank.Official official;
        final int headline;
        final int lead;
        final int[] paragraphs;
        final List<String[]> tags = new ArrayList<>();
        final List<String[]> authors = new ArrayList<>();
        final String[] credit;
        final int pct;
        final int n;
        final int n2;
        final int years;
        final int bn;
        final int yearsAhead;

        Story(SplittableRandom random, int index) {
            this.index = index;
            vocabulary = pick(random, WordBank.SECTIONS);
            topic = pick(random, vocabulary.topics());
            institution = pick(random, vocabulary.institutions());
            place = pick(random, vocabulary.places());
            official = pick(random, WordBank.OFFICIALS);
            headline = random.nextInt(HEADLINES.length);
            lead = headline; // the lead tells the story the headline promises
            int count = 3 + random.nextInt(6);
            paragraphs = random.ints(0, PARAGRAPHS.length).distinct().limit(count).toArray();
            int tagCount = 1 + random.nextInt(3);
            random.ints(0, vocabulary.tags().size()).distinct().limit(tagCount)
                    .forEach(t -> tags.add(vocabulary.tags().get(t)));
            int authorCount = 1 + random.nextInt(2);
            random.ints(0, WordBank.AUTHORS.size()).distinct().limit(authorCount)
                    .forEach(a -> authors.add(WordBank.AUTHORS.get(a)));
            credit = pick(random, WordBank.CREDITS);
            pct = 35 + random.nextInt(50);
            n = 50 + random.nextInt(900);
            n2 = 5 + random.nextInt(40);
            years = 5 + random.nextInt(8);
            bn = 2 + random.nextInt(180);
            yearsAhead = random.nextInt(3);
        }

        /** The English headline (no headline names a day, so any date gives it). */
        String headlineKey() {
            return fill(HEADLINES[headline][0], LocalDate.EPOCH);
        }

        /** @param date the day it appeared, in its edition's time zone */
        DemoArticle article(boolean english, LocalDate date, Instant published) {
            int lang = english ? 0 : 1;
            String headlineText = capitalize(fill(HEADLINES[headline][lang], date));
            String leadText = capitalize(fill(LEADS[lead][lang], date));
            List<String> body = new ArrayList<>();
            body.add(leadText);
            for (int p : paragraphs) {
                body.add(capitalize(fill(PARAGRAPHS[p][lang], date)));
            }
            return new DemoArticle(english ? "en" : "ru", vocabulary.section(), Slug.from(headlineText).value(),
                    headlineText, leadText, List.copyOf(body), english ? place.en() : place.ru(), credit[lang],
                    tags.stream().map(t -> t[lang]).toList(), authors.stream().map(a -> a[lang]).toList(),
                    published, "demo-" + index);
        }

        private String fill(String template, LocalDate date) {
            StringBuilder out = new StringBuilder(template.length() + 64);
            int i = 0;
            while (i < template.length()) {
                char c = template.charAt(i);
                int close = c == '{' ? template.indexOf('}', i) : -1;
                if (close < 0) {
                    out.append(c);
                    i++;
                    continue;
                }
                out.append(slot(template.substring(i + 1, close), date));
                i = close + 1;
            }
            return out.toString();
        }

        private String slot(String name, LocalDate date) {
            int day = date.getDayOfWeek().getValue() - 1;
            int month = date.getMonthValue() - 1;
            int lastMonth = (month + 11) % 12;
            int nextMonth = (month + 1) % 12;
            return switch (name) {
                case "I" -> capitalize(institution.en().startsWith("the ") ? institution.en().substring(4) : institution.en());
                case "i" -> institution.en();
                case "t" -> topic.en();
                case "o" -> official.en();
                case "p" -> titleCase(place.en());
                case "day" -> DAYS_EN[day];
                case "month" -> MONTHS_EN[month];
                case "lastMonth" -> MONTHS_EN[lastMonth];
                case "nextMonth" -> MONTHS_EN[nextMonth];
                case "pct" -> Integer.toString(pct);
                case "n" -> Integer.toString(n);
                case "n2" -> Integer.toString(n2);
                case "years" -> Integer.toString(years);
                case "bn" -> Integer.toString(bn);
                case "year" -> Integer.toString(date.getYear() + yearsAhead);
                case "O" -> official.ru();
                case "e" -> official.pastEnding();
                case "T" -> topic.ruNom();
                case "Ta" -> topic.ruAcc();
                case "In" -> institution.ruNom();
                case "Ig" -> institution.ruGen();
                case "Pp" -> place.ruPrep();
                case "dayRu" -> DAYS_RU[day];
                case "lastMonthPrep" -> MONTHS_RU_PREP[lastMonth];
                case "nextMonthAcc" -> MONTHS_RU_ACC[nextMonth];
                default -> throw new IllegalStateException("unknown slot " + name);
            };
        }
    }

    private static <T> T pick(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }

    private static String titleCase(String capitals) {
        StringBuilder out = new StringBuilder(capitals.length());
        boolean start = true;
        for (char c : capitals.toCharArray()) {
            out.append(start ? c : Character.toLowerCase(c));
            start = c == ' ' || c == '-';
        }
        return out.toString();
    }
}

package org.dateline.demo;

import java.util.List;
import java.util.Map;

/** What the demo's readers say, in English and Russian: plain chat text, no markup, nothing a word filter holds. */
final class DemoConversations {

    /**
     * One message.
     *
     * @param reader  which of the edition's demo readers writes it
     * @param replyTo the earlier line of the same conversation it answers, or -1
     */
    record Line(int reader, String text, int replyTo) {
    }

    private static final Map<String, List<String>> READERS = Map.of(
            "en", List.of("Anna K.", "Mark Ellison", "Priya Shah", "Tom Becker", "Olga Brandt", "Jonas W."),
            "ru", List.of("Анна К.", "Михаил Петров", "Ирина С.", "Дмитрий Волков", "Ольга Н.", "Сергей Л."));

    private static final Map<String, List<Line>> SEED_STORY = Map.of(
            "en", List.of(
                    new Line(0, "Good to see both sides talking about non-proliferation again. The question is"
                            + " whether anything concrete comes of it.", -1),
                    new Line(1, "The Jackson-Vanik part is the interesting bit. It outlived its purpose long ago.", 0),
                    new Line(2, "Does anyone know when the next round of consultations is planned?", -1),
                    new Line(3, "No date yet as far as I can tell, only that the deputy ministers will meet again.",
                            2)),
            "ru", List.of(
                    new Line(0, "Хорошо, что стороны снова говорят о нераспространении. Вопрос в том, будет ли"
                            + " конкретный результат.", -1),
                    new Line(1, "Поправка Джексона-Вэника давно устарела, странно, что о ней всё ещё говорят.", 0),
                    new Line(2, "Кто-нибудь знает, когда следующий раунд консультаций?", -1),
                    new Line(3, "Даты пока нет, сказано только, что заместители министров встретятся снова.", 2)));

    /** Conversations in the rooms of these sections; the other rooms open empty, as a new room does. */
    private static final Map<String, Map<String, List<Line>>> ROOMS = Map.of(
            "en", Map.of(
                    "economy", List.of(
                            new Line(4, "Anyone else think the central bank will hold the key rate this month?", -1),
                            new Line(5, "I'd bet on a hold. Inflation has slowed, but not by enough for a cut.", 0),
                            new Line(0, "A hold, and a hint of a cut in spring. That is what the last statement"
                                    + " suggested.", 1)),
                    "sport", List.of(
                            new Line(3, "What a final period last night. Two goals in the last four minutes!", -1),
                            new Line(2, "The goalkeeper kept them in it all game. Best I have seen him play.", 0),
                            new Line(1, "Tickets for the next home game are already gone, by the way.", -1)),
                    "science", List.of(
                            new Line(2, "Has anyone read the full report on the Arctic climate study yet?", -1),
                            new Line(4, "Halfway through. The chapter on permafrost is sobering.", 0))),
            "ru", Map.of(
                    "economy", List.of(
                            new Line(4, "Как думаете, ЦБ сохранит ключевую ставку в этом месяце?", -1),
                            new Line(5, "Скорее сохранит. Инфляция замедлилась, но не настолько, чтобы снижать.", 0),
                            new Line(0, "Сохранит и намекнёт на снижение весной, судя по последнему заявлению.", 1)),
                    "sport", List.of(
                            new Line(3, "Какой третий период вчера! Две шайбы за четыре минуты до конца.", -1),
                            new Line(2, "Вратарь весь матч держал команду, лучшая его игра на моей памяти.", 0),
                            new Line(1, "Кстати, билеты на следующую домашнюю игру уже раскуплены.", -1)),
                    "science", List.of(
                            new Line(2, "Кто-нибудь уже читал полный доклад об исследовании климата Арктики?", -1),
                            new Line(4, "Прочитала половину. Глава о вечной мерзлоте заставляет задуматься.", 0))));

    private DemoConversations() {
    }

    static List<String> readers(String edition) {
        return READERS.getOrDefault(edition, READERS.get("en"));
    }

    static List<Line> seedStory(String edition) {
        return SEED_STORY.getOrDefault(edition, List.of());
    }

    static List<Line> room(String edition, String section) {
        return ROOMS.getOrDefault(edition, Map.of()).getOrDefault(section, List.of());
    }

    static String roomTitle(String edition, String sectionName) {
        return edition.equals("ru") ? sectionName + ": обсуждение читателей" : sectionName + ": readers' discussion";
    }
}

package org.dateline.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.dateline.demo.DemoArticle;
import org.dateline.demo.DemoCorpus;
import org.dateline.search.SearchRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A judged set: for each query, a story a reader means by it must be among the first three results. The index holds
 * the demo corpus (its seed story and 300 generated ones, both editions), the Russian Wikinews texts of NEREL and the
 * first thousand Reuters-21578 stories, read where they lie ({@code ../shared/corpus}), so every query competes with
 * over two thousand others. The queries use other forms of the words than the stories do (cases, plurals, tenses,
 * е for ё), as readers type them.
 */
class RelevanceTest {

    private static final Path CORPUS = Path.of(System.getProperty("dateline.shared.dir", "../shared"), "corpus");
    private static final AtomicLong IDS = new AtomicLong();
    private static TestIndex index;
    private static final List<IndexedArticle> ARTICLES = new ArrayList<>();

    @BeforeAll
    static void build() throws IOException {
        index = new TestIndex();
        for (DemoArticle demo : DemoCorpus.articles(150, 20070222L, TestIndex.NOW)) {
            add(demo.edition(), demo.headline(), String.join("\n\n", demo.paragraphs()));
        }
        try (Stream<Path> files = Files.walk(CORPUS.resolve("ru-nerel-wikinews"))) {
            for (Path file : files.filter(f -> f.toString().endsWith("_text.txt")).sorted().toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8).strip();
                int end = text.indexOf('\n');
                add("ru", text.substring(0, end).strip(), text.substring(end + 1).strip());
            }
        }
        String reuters = Files.readString(CORPUS.resolve("en-reuters21578/reut2-000.sgm"), StandardCharsets.ISO_8859_1);
        Matcher story = Pattern.compile("<TITLE>(.*?)</TITLE>.*?<BODY>(.*?)</BODY>", Pattern.DOTALL).matcher(reuters);
        while (story.find()) {
            add("en", sgml(story.group(1)), sgml(story.group(2)));
        }
        index.add(ARTICLES.toArray(IndexedArticle[]::new));
    }

    private static void add(String edition, String headline, String text) {
        long id = IDS.incrementAndGet();
        ARTICLES.add(TestIndex.article(id, edition, headline, text, TestIndex.NOW.minus(Duration.ofMinutes(id))));
    }

    private static String sgml(String text) {
        return text.replaceAll("&#\\d+;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
                .strip();
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            en | jackson-vanik amendments                 | Russia, U.S. look to boost cooperation on terror, proliferation
            en | "missile shield" central europe          | Russia, U.S. look to boost cooperation on terror, proliferation
            en | Ivanov Hadley talk                       | Russia, U.S. look to boost cooperation on terror, proliferation
            en | Venezuelan debts breakthrough            | BANKERS REPORT BREAKTHROUGH ON VENEZUELAN DEBT
            en | housing sales dropped                    | JANUARY HOUSING SALES DROP, REALTY GROUP SAYS
            en | ICO coffee proposals                     | ICO PRODUCERS TO PRESENT NEW COFFEE PROPOSAL
            en | ship waiting Panama Canal                | AGENCY REPORTS 39 SHIPS WAITING AT PANAMA CANAL
            en | Shultz resignation Iran                  | SHULTZ SAYS NO RESIGNATION OVER IRAN REPORT
            en | estate tax curb                          | KEY U.S. TAX WRITERS SEEK ESTATE TAX CURBS
            en | brazil inflation                         | BRAZIL ANTI-INFLATION PLAN LIMPS TO ANNIVERSARY
            en | copper price lowered                     | MAGMA LOWERS COPPER 0.75 CENT TO 66 CTS
            ru | поправка Джексона-Вэника                 | Россия и США намерены укреплять сотрудничество в борьбе с терроризмом и распространением ОМУ
            ru | противоракетная оборона Европа           | Россия и США намерены укреплять сотрудничество в борьбе с терроризмом и распространением ОМУ
            ru | дом семьи Обамы                          | Семья Обамы приобрела дом в Вашингтоне за 8,1 млн долларов
            ru | император Японии полномочия              | Императору Японии разрешили сложить полномочия
            ru | стрельба в Канаде                        | Число жертв стрельбы в Канаде достигло 16 человек
            ru | боссы мафии Италия                       | В Италии из-за коронавируса из тюрем выпускают боссов мафии
            ru | пенсионный возраст закон                 | Путин подписал закон о повышении пенсионного возраста
            ru | вестибюль станции метро                  | Букву «М» сломали у вестибюля станции московского метро
            ru | режиссер Данелия                         | Режиссёр Георгий Данелия госпитализирован в тяжёлом состоянии
            ru | основатель НТВ Малашенко                 | В Испании найден мёртвым один из основателей НТВ Игорь Малашенко
            ru | блокировка фейковых новостей             | Госдума приняла закон о блокировке фейковых новостей в интернете
            ru | фейковая новость                         | Госдума приняла закон о блокировке фейковых новостей в интернете
            ru | Хаматова доктор Лиза                     | Чулпан Хаматова сыграет главную роль в фильме про Доктора Лизу
            ru | осужденный полковник Квачков             | Осуждённый в 2013 году полковник Владимир Квачков вышел на свободу
            ru | геноцид армян                            | Кисин: Продолжайте делать все, чтобы как можно больше людей знали о Геноциде армян
            """)
    void findsTheJudgedStoryInTheTopThree(String edition, String query, String expected) {
        List<String> top = index.search(SearchRequest.of(edition, query + " ", 3)).hits().stream()
                .map(hit -> headline(hit.id())).toList();
        assertThat(top).as("top three for «%s»", query).contains(expected);
    }

    private static String headline(long id) {
        return ARTICLES.get((int) id - 1).headline();
    }
}

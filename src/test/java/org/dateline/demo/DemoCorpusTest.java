package org.dateline.demo;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo reads like news: the days a story names are its own, and neighbouring stories do not repeat. */
class DemoCorpusTest {

    /** Late on a Sunday in London is Monday in Moscow: each edition names its own day. */
    private static final Instant NOW = Instant.parse("2026-12-06T22:30:00Z");
    private static final List<DemoArticle> ARTICLES = DemoCorpus.articles(400, 20070222L, NOW);
    private static final String[] RUSSIAN_DAYS = {"в понедельник", "во вторник", "в среду", "в четверг",
        "в пятницу", "в субботу", "в воскресенье"};

    @Test
    void aWeekdayInTheTextIsTheDayTheStoryAppearedInItsEditionsZone() {
        int named = 0;
        for (DemoArticle article : generated()) {
            ZoneId zone = DemoCorpus.INSTALL_ZONES.get(article.edition());
            DayOfWeek day = article.publishedAt().atZone(zone).getDayOfWeek();
            String text = String.join(" ", article.paragraphs());
            for (DayOfWeek other : DayOfWeek.values()) {
                String name = article.edition().equals("en") ? other.getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                        : RUSSIAN_DAYS[other.getValue() - 1];
                if (text.contains(article.edition().equals("en") ? "on " + name : name)) {
                    assertThat(other).as("%s story of %s: %s", article.edition(), article.publishedAt(), text)
                            .isEqualTo(day);
                    named++;
                }
            }
        }
        assertThat(named).as("stories naming a day").isGreaterThan(100);
    }

    @Test
    void theFirstStoryAfterMidnightInMoscowNamesMondayInRussianAndSundayInEnglish() {
        DemoArticle english = generated().stream().filter(a -> a.edition().equals("en")).findFirst().orElseThrow();
        DemoArticle russian = generated().stream().filter(a -> a.edition().equals("ru")).findFirst().orElseThrow();
        assertThat(english.publishedAt()).isEqualTo(russian.publishedAt());
        assertThat(english.publishedAt().atZone(DemoCorpus.INSTALL_ZONES.get("en")).getDayOfWeek())
                .isEqualTo(DayOfWeek.SUNDAY);
        assertThat(russian.publishedAt().atZone(DemoCorpus.INSTALL_ZONES.get("ru")).getDayOfWeek())
                .isEqualTo(DayOfWeek.MONDAY);
    }

    @Test
    void noHeadlineRepeatsOneOfTheStoriesJustBeforeIt() {
        for (String edition : List.of("en", "ru")) {
            List<String> headlines = generated().stream().filter(a -> a.edition().equals(edition))
                    .map(DemoArticle::headline).toList();
            for (int i = 0; i < headlines.size(); i++) {
                Set<String> window = new HashSet<>(headlines.subList(i,
                        Math.min(headlines.size(), i + DemoCorpus.DISTINCT_HEADLINES)));
                assertThat(window).as("%s headlines from the %dth", edition, i)
                        .hasSize(Math.min(headlines.size() - i, DemoCorpus.DISTINCT_HEADLINES));
            }
        }
    }

    private static List<DemoArticle> generated() {
        return new ArrayList<>(ARTICLES.subList(2, ARTICLES.size()));
    }
}

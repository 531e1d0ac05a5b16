package org.dateline.readership.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.dateline.content.ArticlePlace;
import org.dateline.readership.Ranking;
import org.dateline.readership.internal.JdbcMostRead.Scope;
import org.dateline.readership.internal.JdbcMostRead.Score;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RankMostReadTest {

    private static final Scope EN = new Scope("en", Ranking.WHOLE_EDITION);
    private static final Scope EN_SPORT = new Scope("en", 7);
    private static final Scope EN_WORLD = new Scope("en", 8);
    private static final Scope RU = new Scope("ru", Ranking.WHOLE_EDITION);
    private static final Scope RU_SPORT = new Scope("ru", 17);

    @Test
    void listsEachArticleInItsEditionAndSectionBestFirst() {
        Map<Scope, List<Long>> lists = RankMostRead.lists(
                List.of(new Score(1, 3000), new Score(2, 9000), new Score(3, 5500), new Score(4, 4000)),
                Map.of(1L, new ArticlePlace(1, "en", 7), 2L, new ArticlePlace(2, "en", 8),
                        3L, new ArticlePlace(3, "ru", 17), 4L, new ArticlePlace(4, "en", 7)));

        assertThat(lists).containsOnlyKeys(EN, EN_SPORT, EN_WORLD, RU, RU_SPORT);
        assertThat(lists.get(EN)).containsExactly(2L, 4L, 1L);
        assertThat(lists.get(EN_SPORT)).containsExactly(4L, 1L);
        assertThat(lists.get(EN_WORLD)).containsExactly(2L);
        assertThat(lists.get(RU)).containsExactly(3L);
        assertThat(lists.get(RU_SPORT)).containsExactly(3L);
    }

    @Test
    void leavesOutArticlesThatAreNoLongerLive() {
        Map<Scope, List<Long>> lists = RankMostRead.lists(List.of(new Score(1, 3000), new Score(2, 9000)),
                Map.of(1L, new ArticlePlace(1, "en", 7)));

        assertThat(lists.get(EN)).containsExactly(1L);
    }

    @Test
    void aTieGoesToTheNewerArticleAndAListHoldsTen() {
        List<Score> scores = new ArrayList<>();
        Map<Long, ArticlePlace> places = new java.util.HashMap<>();
        for (long id = 1; id <= 15; id++) {
            scores.add(new Score(id, 1000));
            places.put(id, new ArticlePlace(id, "en", 7));
        }

        Map<Scope, List<Long>> lists = RankMostRead.lists(scores, places);

        assertThat(lists.get(EN)).containsExactly(15L, 14L, 13L, 12L, 11L, 10L, 9L, 8L, 7L, 6L);
        assertThat(lists.get(EN_SPORT)).hasSize(Ranking.SIZE);
    }
}

package org.dateline.search.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.lucene.search.IndexSearcher;
import org.dateline.search.DateRange;
import org.dateline.search.Facet;
import org.dateline.search.SearchRequest;
import org.dateline.search.SearchSort;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dateline.search.internal.TestIndex.NOW;
import static org.dateline.search.internal.TestIndex.article;

/** What a reader's query finds, in which order, with which marks and counts: the engine on an index in memory. */
class IndexSearchTest {

    private final TestIndex index = new TestIndex();

    @AfterEach
    void close() throws Exception {
        index.close();
    }

    private static java.time.Instant daysAgo(int days) {
        return NOW.minus(Duration.ofDays(days));
    }

    @Test
    void russianFormsOfAWordFindEachOther() {
        index.add(article(1, "ru", "Главные новости дня", "Текст.", daysAgo(1)),
                article(2, "ru", "Обзор", "Много новостей из регионов.", daysAgo(2)),
                article(3, "ru", "Погода", "Ни одной новой строки.", daysAgo(3)));
        assertThat(index.ids("ru", "новость ")).containsExactlyInAnyOrder(1L, 2L);
        assertThat(index.ids("ru", "новостями ")).containsExactlyInAnyOrder(1L, 2L);
    }

    @Test
    void yoAndYeAreOneLetter() {
        index.add(article(1, "ru", "Режиссёр госпитализирован", "Состояние тяжёлое.", daysAgo(1)));
        assertThat(index.ids("ru", "режиссер тяжелое ")).containsExactly(1L);
        assertThat(index.ids("ru", "РЕЖИССЁР ")).containsExactly(1L);
    }

    @Test
    void headlineMatchRanksAboveBodyMatchAndFresherBreaksTies() {
        index.add(article(1, "en", "Budget talks resume", "Ministers met again.", daysAgo(5)),
                article(2, "en", "Ministers meet", "The budget was discussed at length.", daysAgo(1)),
                article(3, "en", "Budget vote delayed", "Ministers met again.", daysAgo(2)));
        // 3 and 1 hold the word in their headlines alike; 3 is fresher. 2 has it in its text only.
        assertThat(index.ids("en", "budget ")).containsExactly(3L, 1L, 2L);
    }

    @Test
    void everyWordMustOccur() {
        index.add(article(1, "en", "Oil prices fall", "Markets react.", daysAgo(1)),
                article(2, "en", "Gas prices rise", "Markets react.", daysAgo(1)));
        assertThat(index.ids("en", "oil prices ")).containsExactly(1L);
    }

    @Test
    void quotesMakeAPhrase() {
        index.add(article(1, "en", "Central bank", "The bank in the centre of town closed.", daysAgo(1)),
                article(2, "en", "Rates", "The central bank raised rates.", daysAgo(2)));
        assertThat(index.ids("en", "\"central bank\"")).containsExactly(1L, 2L);
        assertThat(index.ids("en", "\"bank central\"")).isEmpty();
        assertThat(index.ids("en", "\"raised rates\" central")).containsExactly(2L);
    }

    @Test
    void theLastWordMatchesAsAPrefixWhileBeingTyped() {
        index.add(article(1, "ru", "Путин подписал закон", "Текст.", daysAgo(1)),
                article(2, "ru", "Путешествие на север", "Текст.", daysAgo(2)));
        assertThat(index.ids("ru", "пут")).containsExactlyInAnyOrder(1L, 2L);
        assertThat(index.ids("ru", "путин подп")).containsExactly(1L);
        assertThat(index.ids("ru", "пут ")).isEmpty(); // a space says the word is finished
        assertThat(index.ids("ru", "п")).isEmpty(); // one letter is no prefix
    }

    @Test
    void aHeadlineStartingTheWordRanksAboveATextThatDoes() {
        index.add(article(1, "ru", "Заседание", "Правительство одобрило план.", daysAgo(1)),
                article(2, "ru", "Правительство одобрило план", "Заседание.", daysAgo(2)));
        assertThat(index.ids("ru", "прави")).containsExactly(2L, 1L);
    }

    @Test
    void onlyStopWordsStillSearch() {
        index.add(article(1, "en", "The Who play again", "A concert.", daysAgo(1)),
                article(2, "en", "Concert", "Nothing else.", daysAgo(1)));
        assertThat(index.ids("en", "the who ")).containsExactly(1L);
    }

    @Test
    void sortsByDateOnRequest() {
        index.add(article(1, "en", "Budget budget budget", "budget", daysAgo(9)),
                article(2, "en", "Other", "a budget", daysAgo(1)),
                article(3, "en", "Budget", "more", daysAgo(4)));
        SearchRequest byDate = new SearchRequest("en", "budget", null, null, null, null, SearchSort.DATE, null, 10);
        assertThat(index.search(byDate).hits()).extracting(IndexSearch.Hit::id).containsExactly(2L, 3L, 1L);
    }

    @Test
    void findsOnlyTheRequestedEdition() {
        index.add(article(1, "en", "Moscow", "Text.", daysAgo(1)), article(2, "ru", "Moscow", "Текст.", daysAgo(1)));
        assertThat(index.ids("en", "moscow ")).containsExactly(1L);
    }

    @Test
    void removedArticlesAreNotFound() {
        index.add(article(1, "en", "Budget", "Text.", daysAgo(1)), article(2, "en", "Budget", "Text.", daysAgo(2)));
        index.remove(1);
        assertThat(index.ids("en", "budget ")).containsExactly(2L);
    }

    @Test
    void pagesByCursorWithoutRepeatsOrGaps() {
        for (int i = 1; i <= 23; i++) {
            // Equal scores for many: the cursor must still order them by time and id.
            index.add(article(i, "en", "Election " + (i % 3 == 0 ? "election" : "news"), "Text " + i,
                    daysAgo(i % 5)));
        }
        for (SearchSort sort : SearchSort.values()) {
            List<Long> seen = new ArrayList<>();
            SearchRequest request = new SearchRequest("en", "election", null, null, null, null, sort, null, 5);
            IndexSearch.Page page = index.search(request);
            assertThat(page.total()).isEqualTo(23);
            int pages = 0;
            while (true) {
                page.hits().forEach(hit -> seen.add(hit.id()));
                pages++;
                if (page.nextCursor() == null) {
                    break;
                }
                page = index.search(request.withCursor(page.nextCursor()));
                assertThat(page.total()).isEqualTo(-1);
            }
            assertThat(pages).isEqualTo(5);
            assertThat(seen).doesNotHaveDuplicates().hasSize(23);
        }
    }

    @Test
    void cursorsOfAnotherSortOrOfNobodyAreRefused() {
        index.add(article(1, "en", "Budget", "Text.", daysAgo(1)), article(2, "en", "Budget", "Text.", daysAgo(2)));
        String next = index.search(SearchRequest.of("en", "budget", 1)).nextCursor();
        assertThat(SearchCursor.decode(SearchSort.RELEVANCE, next)).isPresent();
        assertThat(SearchCursor.decode(SearchSort.DATE, next)).isEmpty();
        for (String junk : List.of("", "x", "%%%", "cn4xLjIuMw", "ci5ubi4xLjI", "ZC4xLjIuMw", "a".repeat(500))) {
            assertThat(SearchCursor.decode(SearchSort.RELEVANCE, junk)).as(junk).isEmpty();
            assertThat(SearchCursor.decode(SearchSort.DATE, junk)).as(junk).isEmpty();
        }
    }

    @Test
    void marksMatchesInEscapedText() {
        index.add(article(1, "en", "Budget <script>alert(1)</script> & \"quotes\"",
                "The <b>budget</b> was passed on Tuesday. Other sentences follow here.", daysAgo(1)));
        IndexSearch.Hit hit = index.search("en", "budgets ").hits().get(0);
        assertThat(hit.headlineHtml()).isEqualTo(
                "<mark>Budget</mark> &lt;script&gt;alert(1)&lt;&#x2F;script&gt; &amp; &quot;quotes&quot;");
        assertThat(hit.snippetHtml()).contains("&lt;b&gt;<mark>budget</mark>&lt;&#x2F;b&gt;").doesNotContain("<b>");
    }

    @Test
    void marksTheWordBeingTyped() {
        index.add(article(1, "ru", "Путин подписал закон", "Президент подписал закон о пенсиях.", daysAgo(1)));
        IndexSearch.Hit hit = index.search("ru", "закон подп").hits().get(0);
        assertThat(hit.headlineHtml()).contains("<mark>подписал</mark>").contains("<mark>закон</mark>");
        assertThat(hit.snippetHtml()).contains("<mark>подписал</mark>").contains("<mark>закон</mark>");
    }

    @Test
    void aStartOfManyWordsIsFoundAndMarkedWithoutFailing() {
        StringBuilder words = new StringBuilder();
        // More than a query may have clauses, and than the marks take.
        for (int i = 0; i < IndexSearcher.getMaxClauseCount() + TextQuery.MARKED_PREFIX_TERMS; i++) {
            words.append(" pre").append((char) ('a' + i % 26)).append((char) ('a' + i / 26 % 26))
                    .append((char) ('a' + i / 676)).append("word");
        }
        index.add(article(1, "en", "Prefixes galore", "Here come" + words + ".", daysAgo(1)));
        IndexSearch.Page page = index.search("en", "pre");
        assertThat(page.total()).isEqualTo(1);
        assertThat(page.hits().get(0).snippetHtml()).contains("<mark>");
    }

    @Test
    void snippetIsTheOpeningWhenOnlyTheHeadlineMatches() {
        index.add(article(1, "en", "Budget passed", "Parliament voted on Tuesday. It was late.", daysAgo(1)));
        assertThat(index.search("en", "budget ").hits().get(0).snippetHtml()).startsWith("Parliament voted");
    }

    @Test
    void facetsCountEachDimensionAsIfItsOwnFilterWereOff() {
        index.add(new IndexedArticle(1, "en", Language.ENGLISH, "economy", "Budget one", "t", List.of(
                        new IndexedArticle.Label("anna-petrova", "Anna Petrova")),
                        List.of(new IndexedArticle.Label("tax", "Tax")), daysAgo(0).minusSeconds(60)),
                new IndexedArticle(2, "en", Language.ENGLISH, "economy", "Budget two", "t", List.of(
                        new IndexedArticle.Label("ivan-orlov", "Ivan Orlov")), List.of(), daysAgo(3)),
                new IndexedArticle(3, "en", Language.ENGLISH, "russia", "Budget three", "t", List.of(
                        new IndexedArticle.Label("ivan-orlov", "Ivan Orlov")),
                        List.of(new IndexedArticle.Label("tax", "Tax")), daysAgo(40)));
        IndexSearch.Page all = index.search("en", "budget ");
        assertThat(values(all, Facet.Dimension.SECTION)).containsExactly("economy=ECONOMY:2", "russia=RUSSIA:1");
        assertThat(values(all, Facet.Dimension.AUTHOR)).containsExactly("ivan-orlov=Ivan Orlov:2",
                "anna-petrova=Anna Petrova:1");
        assertThat(values(all, Facet.Dimension.TAG)).containsExactly("tax=Tax:2");
        assertThat(values(all, Facet.Dimension.RANGE)).containsExactly("day=day:1", "week=week:2", "month=month:2",
                "year=year:3");

        SearchRequest economy = new SearchRequest("en", "budget ", "economy", null, null, null, null, null, 10);
        IndexSearch.Page narrowed = index.search(economy);
        assertThat(narrowed.total()).isEqualTo(2);
        assertThat(values(narrowed, Facet.Dimension.SECTION)).containsExactly("economy=ECONOMY:2*", "russia=RUSSIA:1");
        assertThat(values(narrowed, Facet.Dimension.TAG)).containsExactly("tax=Tax:1");

        SearchRequest week = new SearchRequest("en", "budget ", null, null, "tax", DateRange.WEEK, null, null, 10);
        IndexSearch.Page recent = index.search(week);
        assertThat(recent.hits()).extracting(IndexSearch.Hit::id).containsExactly(1L);
        assertThat(values(recent, Facet.Dimension.RANGE)).containsExactly("day=day:1", "week=week:1*",
                "month=month:1", "year=year:2");
    }

    private static List<String> values(IndexSearch.Page page, Facet.Dimension dimension) {
        return page.facets().stream().filter(f -> f.dimension() == dimension).flatMap(f -> f.values().stream())
                .map(v -> v.value() + "=" + v.label() + ":" + v.count() + (v.selected() ? "*" : "")).toList();
    }

    @Test
    void suggestsARespellingWhenNothingMatches() {
        index.add(article(1, "ru", "Главные новости", "Президент подписал закон.", daysAgo(1)),
                article(2, "en", "Parliament passes budget", "Text.", daysAgo(1)));
        IndexSearch.Page page = index.search("ru", "новасти призедент ");
        assertThat(page.total()).isZero();
        assertThat(page.didYouMean()).isEqualTo("новости президент");
        assertThat(index.search("en", "parliment ").didYouMean()).isEqualTo("parliament");
        assertThat(index.search("en", "\"parliment passes\"").didYouMean()).isEqualTo("\"parliament passes\"");
        assertThat(index.search("en", "budget ").didYouMean()).isNull();
    }

    @Test
    void noInputBreaksTheQuery() {
        index.add(article(1, "en", "Budget", "Text.", daysAgo(1)), article(2, "ru", "Бюджет", "Текст.", daysAgo(1)));
        List<String> nasty = new ArrayList<>(List.of("", " ", "\"", "\"\"", "\"budget", "budget\"", "*", "?", "-",
                "+budget -tax", "budget AND (tax OR", "title:budget", "budget~2", "a^3", "[a TO b]", "\\", "/",
                "\u0000budget", "«бюджет", "бюджет»", "🙂", "\uD800", "budget*", "''''", "!!!"));
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 100; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int c = 0; c < length; c++) {
                text.append((char) random.nextInt(0x20, 0x500));
            }
            nasty.add(text.toString());
        }
        for (String text : nasty) {
            for (String edition : List.of("en", "ru")) {
                index.search(edition, text); // no exception
            }
        }
        assertThat(index.ids("en", "+budget -tax")).isEmpty(); // "tax" is a word like any other
        assertThat(index.ids("en", "budget*")).containsExactly(1L);
        assertThat(index.ids("en", "")).isEmpty();
    }

    @Test
    void relatedStoriesShareWordsAndNeverIncludeTheStoryItself() {
        index.add(article(1, "en", "Oil output cut agreed", "Producers agreed to cut oil output from March.", daysAgo(3)),
                article(2, "en", "Oil producers meet", "Producers discuss oil output and prices.", daysAgo(2)),
                article(3, "en", "Chess final drawn", "The chess final ended in a draw.", daysAgo(1)),
                article(4, "en", "Chess champion", "A new chess champion was crowned.", daysAgo(1)),
                article(5, "ru", "Нефть", "Oil producers oil output.", daysAgo(1)));
        assertThat(index.related(1, "en", 5)).containsExactly(2L);
        assertThat(index.related(3, "en", 5)).containsExactly(4L);
        assertThat(index.related(99, "en", 5)).isEmpty();
    }

    @Test
    void relatedStoriesAskedAgainFollowTheIndexChanges() {
        index.add(article(1, "en", "Oil output cut agreed", "Producers agreed to cut oil output from March.", daysAgo(3)),
                article(2, "en", "Oil producers meet", "Producers discuss oil output and prices.", daysAgo(2)),
                article(3, "en", "Chess final drawn", "The chess final ended in a draw.", daysAgo(1)));
        assertThat(index.related(1, "en", 5)).containsExactly(2L);
        assertThat(index.related(1, "en", 5)).containsExactly(2L); // the answer kept on this view

        index.add(article(6, "en", "Oil output cut agreed again", "Producers agreed to cut oil output again.",
                daysAgo(1)));
        assertThat(index.related(1, "en", 5)).containsExactlyInAnyOrder(6L, 2L);

        index.remove(2);
        assertThat(index.related(1, "en", 5)).containsExactly(6L);
    }
}

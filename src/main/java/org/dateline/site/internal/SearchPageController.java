package org.dateline.site.internal;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.dateline.content.ArticleSummary;
import org.dateline.content.ContentKeys;
import org.dateline.editions.Edition;
import org.dateline.editions.Editions;
import org.dateline.media.Picture;
import org.dateline.platform.cache.PageCache;
import org.dateline.search.DateRange;
import org.dateline.search.Facet;
import org.dateline.search.SearchAnswer;
import org.dateline.search.SearchHit;
import org.dateline.search.SearchKeys;
import org.dateline.search.SearchQueries;
import org.dateline.search.SearchRefusal;
import org.dateline.search.SearchRequest;
import org.dateline.search.SearchResults;
import org.dateline.search.SearchSort;
import org.dateline.site.Ui;
import org.dateline.site.view.Chrome;
import org.dateline.site.view.Link;
import org.dateline.site.view.SearchView;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The search page of an edition: a plain GET form and its results. A page with results is the same for everyone
 * and goes through the page cache, keyed by its query string and tagged with the edition (the newsfeed panel) and
 * {@link SearchKeys#results}, which the search index evicts once it shows a change: never older than the index.
 */
@Controller
class SearchPageController {

    static final int PAGE_SIZE = 10;
    /** The results a phone shows above the fold fetch their thumbnails at once; the rest when scrolled near. */
    static final int EAGER_THUMBNAILS = 2;

    private final Editions editions;
    private final SearchQueries search;
    private final Pages pages;

    SearchPageController(Editions editions, SearchQueries search, Pages pages) {
        this.editions = editions;
        this.search = search;
        this.pages = pages;
    }

    @GetMapping("/" + SiteController.EDITION + "/search")
    String search(@PathVariable String edition, @RequestParam(required = false) String q,
                  @RequestParam(required = false) String section, @RequestParam(required = false) String author,
                  @RequestParam(required = false) String tag, @RequestParam(required = false) String range,
                  @RequestParam(required = false) String sort, @RequestParam(required = false) String after,
                  Model model, HttpServletRequest request, HttpServletResponse response) {
        Edition e = editions.find(edition).orElseThrow(() -> new PageNotFound(editions.defaultEdition()));
        Ui ui = Pages.ui(e);
        SearchRequest asked = new SearchRequest(e.code(), q == null ? "" : q, section, author, tag,
                isBlank(range) ? null : DateRange.parse(range).orElseThrow(BadParameter::new),
                isBlank(sort) ? SearchSort.RELEVANCE : SearchSort.parse(sort).orElseThrow(BadParameter::new),
                after, PAGE_SIZE);
        String query = asked.text().strip();
        String title = query.isEmpty() ? ui.t("search.title") : ui.t("search.title.query", shortened(query));
        Chrome chrome = pages.chrome(e, null, Pages.Head.of(title, ui.t("search.description"),
                query.isEmpty() ? SearchLinks.path(e.code()) : SearchLinks.of(e.code(), query), List.of()));
        model.addAttribute("page", chrome);
        model.addAttribute("heading", ui.t("search.title"));
        if (query.isEmpty()) {
            tag(request, chrome, List.of(), e);
            model.addAttribute("search", form(asked, false, null));
            return "site/search";
        }
        SearchAnswer answer = search.search(asked);
        if (answer instanceof SearchAnswer.Refused refused) {
            if (refused.refusal() == SearchRefusal.BAD_CURSOR) {
                throw new BadCursor();
            }
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("search", form(asked, true,
                    ui.t("search.too-long", SearchQueries.MAX_QUERY_LENGTH)));
            return "site/search";
        }
        SearchResults results = ((SearchAnswer.Found) answer).results();
        if (results.preparing()) {
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader("Retry-After", "30");
            model.addAttribute("search", form(asked, true, ui.t("search.preparing")));
            return "site/search";
        }
        List<ArticleSummary> shown = results.hits().stream().map(SearchHit::article).toList();
        tag(request, chrome, shown, e);
        model.addAttribute("search", view(asked, results, ui));
        return "site/search";
    }

    private SearchView view(SearchRequest asked, SearchResults results, Ui ui) {
        SearchLinks links = new SearchLinks(asked);
        List<SearchView.Result> items = new ArrayList<>();
        for (SearchHit hit : results.hits()) {
            items.add(result(hit, ui, items.size() >= EAGER_THUMBNAILS));
        }
        String summary = results.total() < 0 ? null
                : ui.t("search.summary", results.total(), asked.text().strip());
        List<SearchView.FacetLink> sorts = new ArrayList<>();
        for (SearchSort s : SearchSort.values()) {
            sorts.add(new SearchView.FacetLink(ui.t("search.sort." + s.value()), null, links.sorted(s),
                    s == asked.sort()));
        }
        Link didYouMean = results.didYouMean() == null ? null
                : Link.of(SearchLinks.of(asked.edition(), results.didYouMean()), results.didYouMean());
        return new SearchView(asked.text(), true, null, summary, sorts, items,
                facets(results, links, ui), didYouMean,
                results.nextCursor() == null ? null : links.next(results.nextCursor()));
    }

    private static SearchView form(SearchRequest asked, boolean searched, String message) {
        return new SearchView(asked.text(), searched, message, null, List.of(),
                List.of(), List.of(), null, null);
    }

    private static SearchView.Result result(SearchHit hit, Ui ui, boolean lazy) {
        ArticleSummary article = hit.article();
        Picture picture = article.leadPicture();
        return new SearchView.Result(article.path(), hit.headlineHtml(), hit.snippetHtml(), article.sectionName(),
                article.publishedAt().toString(), ui.dateTime(article.publishedAt()),
                picture == null ? null : PictureHtml.thumbnail(picture, false, lazy));
    }

    /** Each dimension's values, and an "any" link to widen again when one is chosen. */
    private static List<SearchView.FacetGroup> facets(SearchResults results, SearchLinks links, Ui ui) {
        List<SearchView.FacetGroup> groups = new ArrayList<>();
        for (Facet facet : results.facets()) {
            Facet.Dimension dimension = facet.dimension();
            List<SearchView.FacetLink> values = new ArrayList<>();
            boolean chosen = facet.values().stream().anyMatch(Facet.Value::selected);
            if (chosen) {
                values.add(new SearchView.FacetLink(ui.t("search.facet.any"), null, links.without(dimension), false));
            }
            for (Facet.Value value : facet.values()) {
                String text = dimension == Facet.Dimension.RANGE ? ui.t("search.range." + value.value())
                        : value.label();
                values.add(new SearchView.FacetLink(text, value.count(),
                        links.toggle(dimension, value.value(), value.selected()), value.selected()));
            }
            groups.add(new SearchView.FacetGroup(ui.t("search.facet." + dimension.parameter()), values));
        }
        return groups;
    }

    /**
     * Tags the page for the page cache: the edition (the newsfeed panel every page carries), the index's key for the
     * edition, and the pictures shown.
     */
    private static void tag(HttpServletRequest request, Chrome chrome, List<ArticleSummary> shown, Edition e) {
        List<String> keys = new ArrayList<>(List.of(ContentKeys.edition(e.code()), SearchKeys.results(e.code())));
        keys.addAll(ContentKeys.leadPictures(shown));
        keys.addAll(chrome.pictureKeys());
        PageCache.tag(request, keys);
    }

    /** A title names at most the first 60 characters of the query. */
    private static String shortened(String query) {
        return query.length() <= 60 ? query : query.substring(0, 59) + "…";
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}

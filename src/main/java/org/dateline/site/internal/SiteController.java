package org.dateline.site.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.dateline.chats.ChatKeys;
import org.dateline.chats.ChatQueries;
import org.dateline.chats.Conversation;
import org.dateline.chats.Reaction;
import org.dateline.chats.Room;
import org.dateline.chats.RoomState;
import org.dateline.content.Article;
import org.dateline.content.ArticlePaths;
import org.dateline.content.ArticleSummary;
import org.dateline.content.ChatPaths;
import org.dateline.content.ContentKeys;
import org.dateline.content.ContentQueries;
import org.dateline.content.LiveEntry;
import org.dateline.editions.Author;
import org.dateline.editions.Edition;
import org.dateline.editions.Editions;
import org.dateline.editions.Section;
import org.dateline.editions.Tag;
import org.dateline.media.Picture;
import org.dateline.alerts.SubscribeForm;
import org.dateline.alerts.Topic;
import org.dateline.platform.cache.PageCache;
import org.dateline.shared.FeedCursor;
import org.dateline.site.Ui;
import org.dateline.site.view.ArticleView;
import org.dateline.site.view.ChatView;
import org.dateline.site.view.Chrome;
import org.dateline.site.view.Link;
import org.dateline.site.view.NewsfeedItem;
import org.dateline.site.view.Teaser;
import org.dateline.site.view.TopicLink;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;
import tools.jackson.databind.json.JsonMapper;

/** The public pages. Every page is the same for every reader, so each one is tagged for the page cache. */
@Controller
class SiteController {

    static final String EDITION = "{edition:[a-z]{2}}";
    static final int HOME_SIZE = 30;
    static final int LIST_SIZE = 20;
    static final int NEWSFEED_PAGE = 50;
    static final int CHAT_MESSAGES = 50;
    static final int TOPICS = 200;

    private final Editions editions;
    private final ContentQueries content;
    private final Pages pages;
    private final JsonMapper json;
    private final ChatQueries chats;
    private final MostReadBlock mostReadBlock;
    private final RelatedBlock relatedBlock;
    private final FrontBlock frontBlock;
    private final LiveCoverageBlock liveCoverage;

    SiteController(Editions editions, ContentQueries content, Pages pages, JsonMapper json, ChatQueries chats,
                   MostReadBlock mostReadBlock, RelatedBlock relatedBlock, FrontBlock frontBlock,
                   LiveCoverageBlock liveCoverage) {
        this.editions = editions;
        this.content = content;
        this.pages = pages;
        this.json = json;
        this.chats = chats;
        this.mostReadBlock = mostReadBlock;
        this.relatedBlock = relatedBlock;
        this.frontBlock = frontBlock;
        this.liveCoverage = liveCoverage;
    }

    @GetMapping("/")
    RedirectView root() {
        RedirectView redirect = new RedirectView(editions.defaultEdition().homePath());
        redirect.setStatusCode(HttpStatus.FOUND);
        return redirect;
    }

    @GetMapping("/" + EDITION)
    RedirectView editionWithoutSlash(@PathVariable String edition) {
        return permanent(edition(edition).homePath());
    }

    /**
     * The edition's front page; with {@code before}, the older stories as a list by time (addresses such pages had
     * before the front was arranged keep working).
     */
    @GetMapping("/" + EDITION + "/")
    String home(@PathVariable String edition, @RequestParam(required = false) String before, Model model,
                HttpServletRequest request) {
        Edition e = edition(edition);
        Ui ui = Pages.ui(e);
        FeedCursor cursor = cursor(before);
        String path = e.homePath() + (cursor == null ? "" : "?before=" + cursor.encode());
        Chrome chrome = pages.chrome(e, null, new Pages.Head(e.siteName(), ui.t("home.description"), path,
                alternates(e, ed -> ed.homePath()), Pages.feeds(e, null, e.siteName()), null, "website", null));
        if (cursor != null) {
            List<ArticleSummary> articles = content.latest(e.code(), cursor, HOME_SIZE);
            tag(request, chrome, articles, ContentKeys.edition(e.code()));
            return list(model, chrome, ui.t("home.title"), null, articles, e.homePath(), ui, HOME_SIZE, false);
        }
        FrontBlock.Shown front = frontBlock.home(e, ui);
        MostReadBlock.Shown mostRead = mostReadBlock.home(e, ui);
        List<String> keys = new ArrayList<>(front.keys());
        keys.addAll(mostRead.keys());
        tag(request, chrome, List.of(), keys.toArray(String[]::new));
        model.addAttribute("page", chrome);
        model.addAttribute("heading", ui.t("home.title"));
        model.addAttribute("front", front.view());
        model.addAttribute("mostRead", mostRead.view());
        return "site/front";
    }

    @GetMapping("/" + EDITION + "/{section:[a-z0-9-]+}")
    RedirectView sectionWithoutSlash(@PathVariable String edition, @PathVariable String section) {
        Edition e = edition(edition);
        return permanent(section(e, section).path());
    }

    @GetMapping("/" + EDITION + "/{section:[a-z0-9-]+}/")
    String section(@PathVariable String edition, @PathVariable String section,
                   @RequestParam(required = false) String before, Model model, HttpServletRequest request) {
        Edition e = edition(edition);
        Section s = section(e, section);
        FeedCursor cursor = cursor(before);
        List<ArticleSummary> articles = content.inSection(s.id(), cursor, LIST_SIZE);
        String path = s.path() + (cursor == null ? "" : "?before=" + cursor.encode());
        Chrome chrome = pages.chrome(e, s.slug(), new Pages.Head(s.name(), s.description(), path,
                alternates(e, ed -> editions.section(ed.code(), s.slug()).map(Section::path).orElse(null)),
                Pages.feeds(e, s.slug(), s.name()), null, "website", null));
        tag(request, chrome, articles, ContentKeys.edition(e.code()), ContentKeys.section(s.id()));
        model.addAttribute("subscribe", subscribeForm(e, Topic.SECTION, s.id(), s.name()));
        return list(model, chrome, s.name(), s.description(), articles, s.path(), Pages.ui(e), LIST_SIZE,
                cursor == null);
    }

    @GetMapping("/" + EDITION + "/{section:[a-z0-9-]+}/{date:\\d{8}}/{idSlug}")
    Object article(@PathVariable String edition, @PathVariable String section, @PathVariable String date,
                   @PathVariable String idSlug, Model model, HttpServletRequest request) {
        Edition e = edition(edition);
        long id = ArticlePaths.idOf(idSlug);
        Article article = (id > 0 ? content.article(id) : Optional.<Article>empty())
                .filter(a -> a.edition().equals(e.code()))
                .orElse(null);
        if (article == null) {
            boolean killed = id > 0 && content.withdrawn(id);
            throw killed ? new PageGone(e) : new PageNotFound(e);
        }
        String canonical = article.path();
        if (!canonical.equals(request.getRequestURI())) {
            return permanent(canonical); // a changed slug, section or date keeps old links working
        }
        String page = render(article, e, canonical, model);
        List<String> keys = new ArrayList<>(List.of(ContentKeys.article(article.id()), ContentKeys.edition(e.code()),
                ContentKeys.section(article.section().id()), ChatKeys.article(article.id())));
        keys.addAll(article.pictureKeys());
        RelatedBlock.Shown related = relatedBlock.under(article, Pages.ui(e));
        keys.addAll(related.keys());
        model.addAttribute("related", related.view());
        MostReadBlock.Shown mostRead = mostReadBlock.beside(article, e, Pages.ui(e));
        keys.addAll(mostRead.keys());
        model.addAttribute("mostRead", mostRead.view());
        tag(request, (Chrome) model.getAttribute("page"), List.of(), keys.toArray(String[]::new));
        return page;
    }

    /** The article page's model, for the public page and for the newsroom's preview of a story. */
    String render(Article article, Edition e, String canonical, Model model) {
        Ui ui = Pages.ui(e);
        List<ArticleSummary> translations = content.translations(article);
        String dateline = ui.dateline(article.datelinePlace(), article.datelineDate(), article.credit());
        List<LiveEntry> liveEntries = liveCoverage.entries(article);
        List<Link> alternates = new ArrayList<>();
        alternates.add(new Link(canonical, e.name(), e.locale().toLanguageTag(), null));
        translations.forEach(t -> editions.find(t.edition()).ifPresent(te ->
                alternates.add(new Link(t.path(), te.name(), te.locale().toLanguageTag(), null))));
        Chrome chrome = pages.chrome(e, article.section().slug(), new Pages.Head(article.headline(), article.lead(),
                canonical, alternates.size() > 1 ? alternates : List.of(),
                Pages.feeds(e, article.section().slug(), article.section().name()),
                JsonLd.newsArticle(json, article, e, pages.absolute(canonical), pages.siteUrl(), dateline,
                        liveEntries), "article",
                article.mainPicture().orElse(null)));
        Link next = content.nextInSection(article).map(n -> Link.of(n.path(), n.headline())).orElse(null);
        ArticleView view = new ArticleView(article.id(), canonical, article.headline(), article.lead(),
                article.section().name(), article.section().path(), dateline,
                article.leadPicture().map(p -> PictureHtml.figure(p, null, ui, true)).orElse(null),
                article.body().toHtml(dateline, (pictureId, caption) -> {
                    Picture picture = article.pictures().get(pictureId);
                    return picture == null ? "" : PictureHtml.figure(picture, caption, ui, false);
                }),
                article.authors().stream().map(a -> Link.of(a.path(e.code()), a.name())).toList(),
                article.tags().stream().map(t -> Link.of(t.path(), t.name())).toList(),
                article.publishedAt().toString(), ui.dateTime(article.publishedAt()),
                article.wasUpdated() ? article.updatedAt().toString() : null,
                article.wasUpdated() ? ui.dateTime(article.updatedAt()) : null,
                translations.stream().map(t -> new Link(t.path(), editions.find(t.edition()).map(Edition::name)
                        .orElse(t.edition()), t.edition(), null)).toList(),
                next, article.correctionNote(),
                article.correctedAt() == null ? null : article.correctedAt().toString(),
                article.correctedAt() == null ? null : ui.dateTime(article.correctedAt()));
        Conversation conversation = chats.conversation(article.id(), CHAT_MESSAGES);
        model.addAttribute("page", chrome);
        model.addAttribute("article", view);
        model.addAttribute("live", liveEntries == null ? null
                : LiveCoverageBlock.view(article, canonical, liveEntries, ui, pages.now()));
        model.addAttribute("chat", chatView(conversation, ui));
        model.addAttribute("subscribe", subscribeForm(e, Topic.STORY, article.id(), article.headline()));
        return "site/article";
    }

    @GetMapping("/" + EDITION + "/tag/{slug}")
    String tag(@PathVariable String edition, @PathVariable String slug, @RequestParam(required = false) String before,
               Model model, HttpServletRequest request) {
        Edition e = edition(edition);
        Tag tag = editions.tag(e.code(), slug).orElseThrow(() -> new PageNotFound(e));
        FeedCursor cursor = cursor(before);
        Ui ui = Pages.ui(e);
        String title = ui.t("tag.title", tag.name());
        Chrome chrome = pages.chrome(e, null, Pages.Head.of(title, title, tag.path(), Pages.feeds(e, null, e.siteName())));
        List<ArticleSummary> articles = content.tagged(tag.id(), cursor, LIST_SIZE);
        tag(request, chrome, articles, ContentKeys.edition(e.code()), ContentKeys.tag(tag.id()));
        model.addAttribute("subscribe", subscribeForm(e, Topic.TAG, tag.id(), tag.name()));
        return list(model, chrome, title, null, articles, tag.path(), ui, LIST_SIZE, cursor == null);
    }

    @GetMapping("/" + EDITION + "/author/{slug}")
    String author(@PathVariable String edition, @PathVariable String slug,
                  @RequestParam(required = false) String before, Model model, HttpServletRequest request) {
        Edition e = edition(edition);
        Author author = editions.author(slug).orElseThrow(() -> new PageNotFound(e));
        FeedCursor cursor = cursor(before);
        Ui ui = Pages.ui(e);
        String title = ui.t("author.title", author.name());
        Chrome chrome = pages.chrome(e, null, Pages.Head.of(title, title, author.path(e.code()),
                Pages.feeds(e, null, e.siteName())));
        List<ArticleSummary> articles = content.byAuthor(e.code(), author.id(), cursor, LIST_SIZE);
        tag(request, chrome, articles, ContentKeys.edition(e.code()), ContentKeys.author(author.id()));
        model.addAttribute("subscribe", subscribeForm(e, Topic.AUTHOR, author.id(), author.name()));
        return list(model, chrome, title, null, articles, author.path(e.code()), ui, LIST_SIZE, cursor == null);
    }

    /** The edition's discussions: its topic rooms, newest activity first; evicted by any change in one of them. */
    @GetMapping("/" + EDITION + "/chat")
    String topics(@PathVariable String edition, Model model, HttpServletRequest request) {
        Edition e = edition(edition);
        Ui ui = Pages.ui(e);
        String path = ChatPaths.topics(e.code());
        String title = ui.t("chat.topics.title");
        Chrome chrome = pages.chrome(e, null, new Pages.Head(title, ui.t("chat.topics.intro"), path,
                alternates(e, ed -> ChatPaths.topics(ed.code())), Pages.feeds(e, null, e.siteName()), null, "website",
                null));
        List<TopicLink> rooms = chats.topics(e.code(), TOPICS).stream()
                .map(room -> new TopicLink(room.title(), ChatPaths.topicRoom(e.code(), room.slug()),
                        room.lastMessageId() == 0 ? null : room.lastActivityAt().toString(),
                        room.lastMessageId() == 0 ? null : ui.dateTime(room.lastActivityAt()),
                        room.state() != RoomState.OPEN))
                .toList();
        tag(request, chrome, List.of(), ContentKeys.edition(e.code()), ChatKeys.topics(e.code()));
        model.addAttribute("page", chrome);
        model.addAttribute("title", title);
        model.addAttribute("rooms", rooms);
        return "site/topics";
    }

    /** A topic room's page: the conversation alone, cached like every page and evicted by its room's changes. */
    @GetMapping("/" + EDITION + "/chat/{slug:[a-z0-9-]+}")
    String topic(@PathVariable String edition, @PathVariable String slug, Model model, HttpServletRequest request) {
        Edition e = edition(edition);
        Room room = chats.topic(e.code(), slug).orElseThrow(() -> new PageNotFound(e));
        Ui ui = Pages.ui(e);
        String path = ChatPaths.topicRoom(e.code(), slug);
        String title = ui.t("chat.topic.title", room.title());
        Chrome chrome = pages.chrome(e, null, Pages.Head.of(title, title, path, Pages.feeds(e, null, e.siteName())));
        Conversation conversation = chats.conversation(room, CHAT_MESSAGES);
        tag(request, chrome, List.of(), ContentKeys.edition(e.code()), conversation.cacheKey());
        model.addAttribute("page", chrome);
        model.addAttribute("title", title);
        model.addAttribute("chat", chatView(conversation, ui));
        return "site/topic";
    }

    @GetMapping("/" + EDITION + "/newsfeed")
    String newsfeed(@PathVariable String edition, @RequestParam(required = false) String before, Model model,
                    HttpServletRequest request) {
        Edition e = edition(edition);
        Ui ui = Pages.ui(e);
        FeedCursor cursor = cursor(before);
        List<ArticleSummary> articles = content.latest(e.code(), cursor, NEWSFEED_PAGE);
        String path = "/" + e.code() + "/newsfeed";
        Chrome chrome = pages.chrome(e, null, new Pages.Head(ui.t("newsfeed.title"), ui.t("newsfeed.title"),
                path + (cursor == null ? "" : "?before=" + cursor.encode()),
                alternates(e, ed -> "/" + ed.code() + "/newsfeed"), Pages.feeds(e, null, e.siteName()), null,
                "website", null));
        List<NewsfeedItem> items = articles.stream().map(a -> pages.newsfeedItem(a, ui)).toList();
        tag(request, chrome, articles, ContentKeys.edition(e.code()));
        model.addAttribute("page", chrome);
        model.addAttribute("items", items);
        model.addAttribute("moreUrl", moreUrl(path, articles, NEWSFEED_PAGE));
        return "site/newsfeed";
    }

    private static ChatView chatView(Conversation conversation, Ui ui) {
        List<ChatView.Message> messages = conversation.messages().stream().map(m -> new ChatView.Message(m.id(),
                m.authorId(), m.authorName(), m.html(), m.replyTo(), m.createdAt().toString(),
                ui.dateTime(m.createdAt()), m.editedAt() != null,
                m.reactions().entrySet().stream().map(r -> new ChatView.ReactionCount(r.getKey(),
                        Reaction.parse(r.getKey()).map(Reaction::emoji).orElse(r.getKey()), r.getValue())).toList(),
                m.permalink(), m.quote())).toList();
        return new ChatView(conversation.articleId(), conversation.roomId(), conversation.open(), messages,
                conversation.older(), conversation.lastChange());
    }

    /** The Subscribe form of a page: the same for every reader, so it may sit on the cached page. */
    static SubscribeForm subscribeForm(Edition e, Topic topic, long target, String name) {
        return SubscribeForm.of(e, topic, target, Pages.ui(e).t("alerts.topic." + topic.name(), name));
    }

    /**
     * Marks the page cacheable with the keys of what it shows: its own, the pictures of its list, and those of the
     * newsfeed panel every page carries.
     */
    private static void tag(HttpServletRequest request, Chrome chrome, List<ArticleSummary> listed, String... keys) {
        List<String> all = new ArrayList<>(List.of(keys));
        all.addAll(ContentKeys.leadPictures(listed));
        all.addAll(chrome.pictureKeys());
        PageCache.tag(request, all);
    }

    private String list(Model model, Chrome chrome, String heading, String intro, List<ArticleSummary> articles,
                        String path, Ui ui, int pageSize, boolean firstPage) {
        List<Teaser> teasers = new ArrayList<>(articles.size());
        for (int i = 0; i < articles.size(); i++) {
            teasers.add(pages.teaser(articles.get(i), ui, firstPage && i == 0));
        }
        model.addAttribute("page", chrome);
        model.addAttribute("heading", heading);
        model.addAttribute("intro", intro);
        model.addAttribute("teasers", teasers);
        model.addAttribute("moreUrl", moreUrl(path, articles, pageSize));
        return "site/list";
    }

    private static String moreUrl(String path, List<ArticleSummary> articles, int pageSize) {
        // A full page suggests more; the next page may then be empty, which the reader sees as the end.
        if (articles.isEmpty() || articles.size() < pageSize) {
            return null;
        }
        return path + "?before=" + articles.get(articles.size() - 1).cursor().encode();
    }

    private List<Link> alternates(Edition current, java.util.function.Function<Edition, String> pathIn) {
        List<Link> links = new ArrayList<>();
        for (Edition edition : editions.all()) {
            String path = pathIn.apply(edition);
            if (path != null) {
                links.add(new Link(path, edition.name(), edition.locale().toLanguageTag(), null));
            }
        }
        return links.size() > 1 ? links : List.of();
    }

    private Edition edition(String code) {
        return editions.find(code).orElseThrow(() -> new PageNotFound(editions.defaultEdition()));
    }

    private Section section(Edition edition, String slug) {
        return editions.section(edition.code(), slug).orElseThrow(() -> new PageNotFound(edition));
    }

    private static FeedCursor cursor(String before) {
        if (before == null) {
            return null;
        }
        return FeedCursor.parse(before).orElseThrow(BadCursor::new);
    }

    private static RedirectView permanent(String path) {
        RedirectView redirect = new RedirectView(path);
        redirect.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
        redirect.setExposeModelAttributes(false);
        return redirect;
    }

}

package org.dateline.content;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.dateline.shared.FeedCursor;

/** Reads of the published site. Lists are newest first and page by cursor, never by offset. */
public interface ContentQueries {

    /** A live article; removed ones are not returned by this or any list. */
    Optional<Article> article(long id);

    List<ArticleSummary> latest(String edition, FeedCursor before, int limit);

    List<ArticleSummary> inSection(long sectionId, FeedCursor before, int limit);

    List<ArticleSummary> tagged(long tagId, FeedCursor before, int limit);

    List<ArticleSummary> byAuthor(String edition, long authorId, FeedCursor before, int limit);

    /** The article the reader meets after this one in its section: the next older one. */
    Optional<ArticleSummary> nextInSection(Article article);

    /** The same story in the other editions. */
    List<ArticleSummary> translations(Article article);

    /** Every article published at or after the instant, newest first (for the news sitemap). */
    List<ArticleSummary> publishedSince(Instant since, int limit);

    /** All articles in stable id order, one page at a time (for sitemaps). */
    List<ArticleSummary> allById(long afterId, int limit);

    long count();

    /**
     * The live articles among these ids, in the order given; an id that is not live (or not known) is left out.
     * For lists whose order is decided elsewhere (search results).
     */
    List<ArticleSummary> liveSummaries(List<Long> ids);

    /**
     * Live articles with everything their page shows, in id order after {@code afterId}, a batch at a time: for
     * building a search index from the database.
     */
    List<Article> liveAfter(long afterId, int limit);

    /**
     * An article in any state, with the fields of its last save: for the newsroom's preview of a story that is not
     * (or not yet) public. Public pages use {@link #article(long)}.
     */
    Optional<Article> stored(long id);

    /** Since when a live article is breaking news; empty when it is not (or not live). */
    Optional<Instant> breakingSince(long articleId);

    /** The edition's most recently marked breaking story that is live, if any: what the breaking bar shows. */
    Optional<ArticleSummary> breaking(String edition);

    /** The state of any article the newsroom has saved, live or not. */
    Optional<ArticleState> state(long articleId);

    /**
     * Whether the article was public once and is killed now: its address answers 410 on the site and in the
     * syndication APIs. A story killed before it was ever public (a draft, scheduled or under embargo) is not
     * withdrawn: it answers as an unknown id, so nobody outside the newsroom learns that it existed.
     */
    boolean withdrawn(long articleId);

    /** The highest article id, 0 when there is none. */
    long maxId();

    /** The edition and section of each live article among these ids, in no particular order; others are left out. */
    List<ArticlePlace> livePlaces(Collection<Long> articleIds);
}

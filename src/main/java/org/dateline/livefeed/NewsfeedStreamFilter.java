package org.dateline.livefeed;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.dateline.content.ArticleSummary;
import org.dateline.content.ContentQueries;
import org.dateline.editions.Edition;
import org.dateline.editions.EditionTime;
import org.dateline.editions.Editions;
import org.dateline.shared.FeedCursor;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Opens newsfeed streams ({@code GET /{edition}/newsfeed/stream}) right after the page cache, before sessions,
 * security and MVC: a stream is public, the same for everyone, and lives for hours, so it should hold nothing but
 * its connection. A reconnecting client sends {@code Last-Event-ID} and first receives what it missed.
 */
class NewsfeedStreamFilter extends OncePerRequestFilter {

    static final Pattern PATH = Pattern.compile("^/([a-z]{2})/newsfeed/stream$");
    /** A reconnecting client gets at most this many missed items; beyond that the page is stale anyway. */
    static final int MAX_CATCH_UP = 50;

    private final Editions editions;
    private final ContentQueries content;
    private final NewsfeedStreams streams;

    NewsfeedStreamFilter(Editions editions, ContentQueries content, NewsfeedStreams streams) {
        this.editions = editions;
        this.content = content;
        this.streams = streams;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) || !PATH.matcher(request.getRequestURI()).matches();
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return true;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher path = PATH.matcher(request.getRequestURI());
        Optional<Edition> edition = path.matches() ? editions.find(path.group(1)) : Optional.empty();
        if (edition.isEmpty()) {
            chain.doFilter(request, response); // not ours: the error handling answers 404
            return;
        }
        List<NewsfeedStreams.NewsfeedEvent> missed = FeedCursor.parse(request.getHeader("Last-Event-ID"))
                .map(last -> newerThan(edition.get(), last)).orElse(List.of());
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/event-stream;charset=UTF-8");
        response.setHeader("Cache-Control", "no-cache, no-transform");
        response.setHeader("X-Accel-Buffering", "no"); // a proxy in front must not buffer the stream
        response.setHeader("X-Content-Type-Options", "nosniff");
        AsyncContext context = request.startAsync();
        context.setTimeout(0); // idle streams cost no thread; the heartbeat finds dead ones
        streams.open(edition.get().code(), context, missed);
    }

    /** Items published after the cursor, oldest first, so the client adds them in order. */
    private List<NewsfeedStreams.NewsfeedEvent> newerThan(Edition edition, FeedCursor last) {
        List<NewsfeedStreams.NewsfeedEvent> newer = new ArrayList<>();
        for (ArticleSummary article : content.latest(edition.code(), null, MAX_CATCH_UP)) {
            boolean after = article.publishedAt().isAfter(last.publishedAt())
                    || article.publishedAt().equals(last.publishedAt()) && article.id() > last.id();
            if (!after) {
                break;
            }
            newer.add(NewsfeedStreams.NewsfeedEvent.of(article, EditionTime.of(edition)));
        }
        Collections.reverse(newer);
        return newer;
    }
}

package org.dateline.media.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/** What the newsroom's library page was asked for: words, a range of days, the page's cursor. */
public record LibraryQuery(String q, LocalDate from, LocalDate to, String before) {

    /** The query string of the page after this one, or {@code null} when there is none. */
    public String nextPage(String next) {
        if (next == null) {
            return null;
        }
        StringBuilder query = new StringBuilder("?before=").append(next);
        if (q != null && !q.isBlank()) {
            query.append("&q=").append(URLEncoder.encode(q, StandardCharsets.UTF_8));
        }
        if (from != null) {
            query.append("&from=").append(from);
        }
        if (to != null) {
            query.append("&to=").append(to);
        }
        return query.toString();
    }
}

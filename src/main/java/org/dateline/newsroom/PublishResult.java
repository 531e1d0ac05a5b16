package org.dateline.newsroom;

import java.util.List;

/** The outcome of publishing: the stored article, or every problem that stopped it (nothing was stored). */
public sealed interface PublishResult {

    record Published(long articleId, String path) implements PublishResult {
    }

    record Rejected(List<FieldProblem> problems) implements PublishResult {
    }

    /** Stored, and nowhere public until {@code at}. */
    record Scheduled(long articleId, String path, java.time.Instant at, boolean embargo) implements PublishResult {
    }
}

package org.dateline.newsroom;

import java.util.List;

/** The outcome of updating or correcting a published article. */
public sealed interface UpdateResult {

    record Updated(long articleId, String path) implements UpdateResult {
    }

    record Rejected(List<FieldProblem> problems) implements UpdateResult {
    }

    record NotFound(long articleId) implements UpdateResult {
    }
}

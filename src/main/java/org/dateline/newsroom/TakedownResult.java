package org.dateline.newsroom;

import org.dateline.content.ArticleState;

/** The outcome of unpublishing or killing an article. */
public sealed interface TakedownResult {

    record Done(long articleId, ArticleState state) implements TakedownResult {
    }

    record NotFound(long articleId) implements TakedownResult {
    }

    /** The article is already off the site, in this state. */
    record NotLive(long articleId, ArticleState state) implements TakedownResult {
    }
}

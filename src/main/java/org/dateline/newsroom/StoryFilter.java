package org.dateline.newsroom;

import org.dateline.content.ArticleState;

/**
 * What the story list shows; every part is optional. {@code text} matches headline and lead, case-insensitively;
 * {@code createdBy} is an account id; {@code author} matches the name of one of the story's authors (its byline),
 * case-insensitively, in part. Newest change first, {@code limit} at most 200.
 */
public record StoryFilter(String desk, ArticleState state, String edition, String section, Long createdBy,
                          String text, String author, int limit) {

    public static StoryFilter all() {
        return new StoryFilter(null, null, null, null, null, null, null, 50);
    }
}

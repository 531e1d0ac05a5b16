package org.dateline.newsroom;

import java.time.Instant;

import org.dateline.content.ArticleState;

/** A line of the newsroom's story list. */
public record StorySummary(long id, ArticleState state, String desk, String edition, String section,
                           String headline, Instant updatedAt, String createdByName, String lockedBy,
                           String wireSource) {
}

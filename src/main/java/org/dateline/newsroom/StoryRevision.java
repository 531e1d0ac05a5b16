package org.dateline.newsroom;

import java.time.Instant;

import org.dateline.content.ArticleState;

/** One save of a story, in full. {@code note} is the correction note when the save was a correction. */
public record StoryRevision(long storyId, int number, Instant savedAt, Long savedBy, String savedByName,
                           ArticleState state, PublishCommand fields, String note) {
}

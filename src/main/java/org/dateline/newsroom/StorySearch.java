package org.dateline.newsroom;

import java.util.List;

/**
 * What a newsroom search found.
 *
 * @param stories  best match first
 * @param searched how many stories the words were matched against
 * @param partial  more stories passed the filters than one search reads: only the most recently changed were searched
 */
public record StorySearch(List<StorySummary> stories, int searched, boolean partial) {
}

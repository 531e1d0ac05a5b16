package org.dateline.newsroom;

import java.util.List;

/**
 * What a newsroom search found.
 *
 * @param stories   best match first
 * @param searched  how many stories the words were matched against
 * @param partial   more stories passed the filters than one search reads without the story index: only the most
 *                  recently changed were searched
 * @param preparing the story index is being built: the stories were read from the database for this search
 */
public record StorySearch(List<StorySummary> stories, long searched, boolean partial, boolean preparing) {
}

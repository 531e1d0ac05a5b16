package org.dateline.search;

import java.time.Instant;
import java.util.List;

/**
 * What the story index keeps of a newsroom story in any state: its words and what a search is narrowed by.
 *
 * @param state   the story's status ({@code DRAFT}, {@code LIVE}, ...), as the newsroom names it
 * @param text    lead, body and credit as plain text; the byline is added from {@code authors}
 * @param authors the names of its authors
 */
public record IndexableStory(long id, String state, String desk, String edition, String section, Long createdBy,
                             String headline, String text, List<String> authors, Instant updatedAt) {

    public IndexableStory {
        authors = List.copyOf(authors);
    }
}

package org.dateline.search;

import java.util.List;
import java.util.Optional;

/**
 * Where the story index reads stories from: the newsroom, which owns them, provides it (the index follows
 * {@code story.changed} and reads each story as it is now, so applying a change twice or late does no harm).
 */
public interface StorySource {

    /** The story as it is now, empty when there is none. */
    Optional<IndexableStory> story(long id);

    /** The stories with an id above {@code afterId}, by id, at most {@code limit}: the index is built from these. */
    List<IndexableStory> after(long afterId, int limit);
}

package org.dateline.search.internal;

import java.util.Set;

import org.apache.lucene.document.Document;
import org.dateline.changes.ChangeHistory;
import org.dateline.changes.ChangeKinds;
import org.dateline.changes.ChangeLog;
import org.dateline.editions.Editions;
import org.dateline.platform.DatelineSettings;
import org.dateline.search.IndexableStory;
import org.dateline.search.StorySource;
import org.springframework.stereotype.Component;

/**
 * Keeps this node's index of the newsroom's stories in every state ({@code <data-dir>/search/stories}) in step with
 * the change log ({@link ChangeFedIndex}): a {@code story.changed} puts the story as the newsroom has it now, or takes
 * it out when there is none. No page is cached from it, so a refresh evicts nothing.
 */
@Component
class StoryIndexer extends ChangeFedIndex<IndexableStory> {

    /** Its fields' version is raised when they change: an index of another schema is rebuilt, never read. */
    static final String SCHEMA = "stories-" + ArticleIndex.schema(1);

    StoryIndexer(DatelineSettings node, StorySource stories, Editions editions, ChangeLog changeLog,
                 ChangeHistory history, SearchSettings settings) {
        super("stories", node.dataDir().resolve("search").resolve("stories"), SCHEMA,
                new Subjects<>(Set.of(ChangeKinds.STORY_CHANGED), stories::story, stories::after, IndexableStory::id),
                editions, changeLog, history, settings);
    }

    @Override
    Document document(IndexableStory story) {
        return StoryDocument.of(story, languageOf(story.edition()));
    }
}

package org.dateline.newsroom;

import java.util.List;
import java.util.Optional;

import org.dateline.search.IndexableStory;
import org.dateline.search.StorySource;
import org.springframework.stereotype.Component;

/** The newsroom's stories in every state as the story index of the search module reads them. */
@Component
class StoriesForIndex implements StorySource {

    private final StoryStore stories;

    StoriesForIndex(StoryStore stories) {
        this.stories = stories;
    }

    @Override
    public Optional<IndexableStory> story(long id) {
        return stories.indexable(id).map(StoriesForIndex::indexable);
    }

    @Override
    public List<IndexableStory> after(long afterId, int limit) {
        return stories.indexableAfter(afterId, limit).stream().map(StoriesForIndex::indexable).toList();
    }

    private static IndexableStory indexable(StoryStore.Indexable story) {
        StorySummary summary = story.summary();
        return new IndexableStory(summary.id(), summary.state().name(), summary.desk(), summary.edition(),
                summary.section(), story.createdBy(), summary.headline(), story.text(), story.authors(),
                summary.updatedAt());
    }
}

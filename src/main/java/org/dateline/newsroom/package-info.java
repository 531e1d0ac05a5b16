/**
 * The newsroom: how stories get onto the site. One use case per action ({@link org.dateline.newsroom.CreateStory},
 * {@link org.dateline.newsroom.SaveStory}, {@link org.dateline.newsroom.MoveStory},
 * {@link org.dateline.newsroom.PublishStory}, {@link org.dateline.newsroom.ScheduleStory},
 * {@link org.dateline.newsroom.UnscheduleStory}, {@link org.dateline.newsroom.UpdateStory},
 * {@link org.dateline.newsroom.CorrectStory}, {@link org.dateline.newsroom.UnpublishStory},
 * {@link org.dateline.newsroom.KillStory}, {@link org.dateline.newsroom.RestoreRevision},
 * {@link org.dateline.newsroom.StoryLock}, {@link org.dateline.newsroom.MoveStoryEdition},
 * {@link org.dateline.newsroom.LinkTranslation}, and for live coverage {@link org.dateline.newsroom.SetLiveCoverage},
 * {@link org.dateline.newsroom.PostLiveEntry}, {@link org.dateline.newsroom.CorrectLiveEntry},
 * {@link org.dateline.newsroom.DeleteLiveEntry}, which log {@code live.entry} with the story's article key) and the reads of {@link org.dateline.newsroom.StoryQueries}. Every
 * entrance (the newsroom pages, the admin API, the wire, the scheduler, the demo loader) calls these, so the same
 * {@link org.dateline.newsroom.WorkflowPolicy} and edit lock apply everywhere; results are
 * {@link org.dateline.newsroom.StoryResult}s with a {@link org.dateline.newsroom.StoryRefusal} when refused.
 * <p>
 * Each writes its change log entry and publishes its application event ({@link org.dateline.newsroom.ArticlePublished},
 * {@link org.dateline.newsroom.ArticleUpdated}, {@link org.dateline.newsroom.ArticleUnpublished},
 * {@link org.dateline.newsroom.ArticleKilled}) <em>inside</em> the transaction of the change, once per cluster. A plain
 * {@code @EventListener} therefore runs in that transaction and commits or rolls back with it (the webhook outbox of
 * {@code integrations} relies on this); a listener that must see the change committed uses
 * {@code @TransactionalEventListener}.
 * <p>
 * Every action that is done also logs {@code story.changed} (subject: the story) in its transaction
 * ({@code StoryTransaction}), whatever the story's state: it feeds {@code search}'s story index, which reads the stories
 * through {@code StoriesForIndex}, this module's {@code search.StorySource}. {@code StoryQueries.search} (the page
 * {@code GET /newsroom/search}) asks that index ({@code search.StoryIndex}); while it is being built, it matches the
 * most recently changed candidates the filters pick in SQL through {@code search}'s {@code TextRanking}.
 */
package org.dateline.newsroom;

package org.dateline.newsroom;

import java.util.List;

import org.dateline.editions.Editions;
import org.dateline.identity.Actor;
import org.dateline.identity.Role;
import org.dateline.testing.DatelineTestContext;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The newsroom module on its own, with only the modules it depends on (no site, chats, feeds or wire): its use cases
 * work and announce their events, so nothing of the newsroom leans on a module downstream of it.
 */
@Tag("db")
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@ContextConfiguration(initializers = DatelineTestContext.class)
class NewsroomModuleTests {

    static final Actor EDITOR = new Actor(0, "", "Module test", Role.EDITOR);

    @Autowired
    CreateStory create;
    @Autowired
    PublishStory publish;
    @Autowired
    KillStory kill;
    @Autowired
    StoryQueries queries;
    @Autowired
    Editions editions;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void aDraftPublishedAndKilledAnnouncesBothOnce(AssertablePublishedEvents events) {
        // The demo content belongs to another module: this slice starts with no section.
        transaction.executeWithoutResult(status -> editions.ensureSection("en", "science", "Science",
                "Research and discovery.", 1));
        PublishCommand fields = new PublishCommand("en", "science", "Module slice " + System.nanoTime(),
                "A lead.", List.of("A paragraph."), "OSLO", null, "Dateline", List.of(), List.of(), null, null, null);
        long id = ((StoryResult.Done) create.create(EDITOR, fields)).storyId();
        assertThat(events.ofType(ArticlePublished.class).matching(ArticlePublished::articleId, id)).isEmpty();

        assertThat(publish.publish(EDITOR, id)).isInstanceOf(StoryResult.Done.class);
        assertThat(kill.kill(EDITOR, id)).isInstanceOf(StoryResult.Done.class);

        assertThat(events.ofType(ArticlePublished.class).matching(ArticlePublished::articleId, id)).hasSize(1);
        assertThat(events.ofType(ArticleKilled.class).matching(ArticleKilled::articleId, id)).hasSize(1);
        assertThat(queries.find(id).orElseThrow().state()).isEqualTo(org.dateline.content.ArticleState.KILLED);
    }
}

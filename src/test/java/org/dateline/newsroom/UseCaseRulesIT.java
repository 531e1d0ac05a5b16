package org.dateline.newsroom;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.dateline.content.ArticleState;
import org.dateline.identity.Actor;
import org.dateline.identity.Role;
import org.dateline.newsroom.StoryFixtures.Start;
import org.dateline.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dateline.newsroom.StoryFixtures.done;

/**
 * The rules of each newsroom use case, called as every entrance calls it: who may, from which state, and what a
 * lock held by someone else does; and that an action refused half-way leaves nothing of itself behind.
 */
@IntegrationTest
class UseCaseRulesIT {

    @Autowired
    ApplicationContext context;
    @Autowired
    CreateStory create;
    @Autowired
    SaveStory save;
    @Autowired
    MoveStory move;
    @Autowired
    PublishStory publish;
    @Autowired
    ScheduleStory schedule;
    @Autowired
    UnscheduleStory unschedule;
    @Autowired
    UpdateStory update;
    @Autowired
    CorrectStory correct;
    @Autowired
    UnpublishStory unpublish;
    @Autowired
    KillStory kill;
    @Autowired
    RestoreRevision restore;
    @Autowired
    StoryLock lock;
    @Autowired
    MoveStoryEdition moveEdition;
    @Autowired
    LinkTranslation link;
    @Autowired
    Clock clock;

    StoryFixtures fixtures;
    Actor editor;
    Actor holder;
    Actor contributor;
    Actor moderator;

    @BeforeEach
    void people() {
        fixtures = new StoryFixtures(context);
        editor = fixtures.staff(Role.EDITOR, "Edna Editor");
        holder = fixtures.staff(Role.EDITOR, "Hugo Holder");
        contributor = fixtures.staff(Role.CONTRIBUTOR, "Cora Contributor");
        moderator = fixtures.staff(Role.MODERATOR, "Mo Moderator");
    }

    private static StoryRefusal reason(StoryResult result) {
        assertThat(result).isInstanceOf(StoryResult.Refused.class);
        return ((StoryResult.Refused) result).reason();
    }

    private static List<String> problems(StoryResult result) {
        assertThat(result).isInstanceOf(StoryResult.Rejected.class);
        return ((StoryResult.Rejected) result).problems().stream().map(p -> p.field() + " " + p.code()).toList();
    }

    private long locked(Start start) {
        long id = fixtures.story(start);
        fixtures.lockedBy(holder, id);
        return id;
    }

    @Test
    void createStoryIsForWritersAndNeedsAHeadline() {
        PublishCommand fields = StoryFixtures.fields("Written by " + System.nanoTime());
        assertThat(reason(create.create(moderator, fields))).isEqualTo(StoryRefusal.NOT_PERMITTED);
        long id = done(create.create(contributor, fields));
        assertThat(fixtures.find(id).createdBy()).isEqualTo(contributor.accountId());
        assertThat(problems(create.create(editor, new PublishCommand("en", "science", " ", null, List.of(), null,
                null, null, List.of(), List.of(), null, null, null)))).containsExactly("headline required");
    }

    @Test
    void saveStoryRespectsAuthorshipTheLockAndTheRevisionItBuildsOn() {
        long own = fixtures.story(Start.DRAFT, contributor);
        long others = fixtures.story(Start.DRAFT);
        PublishCommand changed = StoryFixtures.fields("Changed " + System.nanoTime());
        assertThat(done(save.save(contributor, own, changed, 1))).isEqualTo(own);
        assertThat(fixtures.find(own).revision()).isEqualTo(2);
        assertThat(reason(save.save(contributor, others, changed, null))).isEqualTo(StoryRefusal.NOT_PERMITTED);
        assertThat(reason(save.save(editor, own, changed, 1))).isEqualTo(StoryRefusal.STALE_REVISION);
        long held = locked(Start.DRAFT);
        StoryResult refused = save.save(editor, held, changed, null);
        assertThat(refused).isEqualTo(new StoryResult.Refused(StoryRefusal.STORY_LOCKED, "Hugo Holder"));
        assertThat(fixtures.find(held).revision()).isEqualTo(1);
        assertThat(reason(save.save(editor, fixtures.story(Start.KILLED), changed, null)))
                .isEqualTo(StoryRefusal.STORY_KILLED);
        assertThat(reason(save.save(editor, 987_654_321L, changed, null))).isEqualTo(StoryRefusal.NOT_FOUND);
    }

    @Test
    void moveStoryTakesOnlyTheStepsTheWorkflowHasAndSavesWithItOrNotAtAll() {
        long own = fixtures.story(Start.DRAFT, contributor);
        assertThat(done(move.submit(contributor, own))).isEqualTo(own);
        assertThat(reason(move.returnToDraft(contributor, own))).isEqualTo(StoryRefusal.NOT_PERMITTED);
        assertThat(reason(move.submit(editor, fixtures.story(Start.READY))))
                .isEqualTo(StoryRefusal.TRANSITION_NOT_ALLOWED);
        assertThat(reason(move.submit(editor, locked(Start.DRAFT)))).isEqualTo(StoryRefusal.STORY_LOCKED);

        // A step whose save is refused is not taken either: one transaction.
        long draft = fixtures.story(Start.DRAFT);
        PublishCommand broken = StoryFixtures.fields("Broken " + System.nanoTime());
        broken = new PublishCommand(broken.edition(), "no-such-section", broken.headline(), broken.lead(),
                broken.body(), broken.datelinePlace(), null, broken.credit(), broken.tags(), broken.authors(), null,
                null, null);
        assertThat(problems(move.move(editor, draft, WorkflowAction.SUBMIT, new StoryEdit(broken, 1))))
                .containsExactly("section unknown_section");
        assertThat(fixtures.find(draft).state()).isEqualTo(ArticleState.DRAFT);
        assertThat(fixtures.find(draft).revision()).isEqualTo(1);
    }

    @Test
    void publishStoryNeedsAnEditorACompleteStoryAndAFreeLock() {
        assertThat(reason(publish.publish(contributor, fixtures.story(Start.READY, contributor))))
                .isEqualTo(StoryRefusal.NOT_PERMITTED);
        assertThat(problems(publish.publish(editor, fixtures.story(Start.INCOMPLETE_DRAFT))))
                .contains("lead required", "body required");
        assertThat(reason(publish.publish(editor, locked(Start.READY)))).isEqualTo(StoryRefusal.STORY_LOCKED);
        assertThat(reason(publish.publish(editor, fixtures.story(Start.KILLED))))
                .isEqualTo(StoryRefusal.NOT_PUBLISHABLE);
        assertThat(reason(publish.publishNew(contributor, StoryFixtures.fields("Not mine to publish"))))
                .isEqualTo(StoryRefusal.NOT_PERMITTED);

        // The editor's fields are saved with the publication, or neither happens.
        long incomplete = fixtures.story(Start.INCOMPLETE_DRAFT);
        Story before = fixtures.find(incomplete);
        PublishCommand stillIncomplete = new PublishCommand("en", "science", before.headline() + " (edited)", null,
                List.of(), null, null, null, List.of(), List.of(), null, null, null);
        assertThat(problems(publish.publish(editor, incomplete, new StoryEdit(stillIncomplete, 1))))
                .contains("lead required");
        assertThat(fixtures.find(incomplete).revision()).isEqualTo(1);
        assertThat(fixtures.find(incomplete).headline()).isEqualTo(before.headline());
        PublishCommand complete = StoryFixtures.fields(before.headline() + " (complete)");
        StoryResult published = publish.publish(editor, incomplete, new StoryEdit(complete, 1));
        assertThat(published).isEqualTo(new StoryResult.Done(incomplete, ArticleState.LIVE, 2));
        assertThat(fixtures.find(incomplete).headline()).endsWith("(complete)");
    }

    @Test
    void scheduleStoryWantsAFutureTimeWithinAYear() {
        long ready = fixtures.story(Start.READY);
        assertThat(problems(schedule.schedule(editor, ready, clock.instant().minusSeconds(1), false)))
                .containsExactly("publishAt invalid_time");
        assertThat(problems(schedule.schedule(editor, ready, clock.instant().plus(Duration.ofDays(400)), true)))
                .containsExactly("publishAt invalid_time");
        assertThat(reason(schedule.schedule(contributor, fixtures.story(Start.READY, contributor),
                clock.instant().plus(Duration.ofHours(1)), false))).isEqualTo(StoryRefusal.NOT_PERMITTED);
        assertThat(reason(schedule.schedule(editor, locked(Start.READY), clock.instant().plus(Duration.ofHours(1)),
                false))).isEqualTo(StoryRefusal.STORY_LOCKED);
        StoryResult embargoed = schedule.schedule(editor, ready, clock.instant().plus(Duration.ofHours(1)), true);
        assertThat(embargoed).isEqualTo(new StoryResult.Done(ready, ArticleState.SCHEDULED, 1));
        assertThat(done(unschedule.unschedule(editor, ready))).isEqualTo(ready);
        assertThat(fixtures.find(ready).state()).isEqualTo(ArticleState.READY);
        assertThat(reason(unschedule.unschedule(editor, ready))).isEqualTo(StoryRefusal.TRANSITION_NOT_ALLOWED);
        assertThat(reason(unschedule.unschedule(editor, locked(Start.SCHEDULED))))
                .isEqualTo(StoryRefusal.STORY_LOCKED);
    }

    @Test
    void updatesAndCorrectionsAreForLiveStoriesWithAFreeLock() {
        PublishCommand fields = StoryFixtures.fields("Corrected " + System.nanoTime());
        assertThat(reason(update.update(editor, fixtures.story(Start.DRAFT), fields, null)))
                .isEqualTo(StoryRefusal.NOT_LIVE);
        assertThat(reason(update.update(editor, locked(Start.LIVE), fields, null)))
                .isEqualTo(StoryRefusal.STORY_LOCKED);
        assertThat(reason(update.update(contributor, fixtures.story(Start.LIVE), fields, null)))
                .isEqualTo(StoryRefusal.NOT_PERMITTED);
        long live = fixtures.story(Start.LIVE);
        assertThat(done(update.update(editor, live, fields, 1))).isEqualTo(live);
        assertThat(reason(update.update(editor, live, fields, 1))).isEqualTo(StoryRefusal.STALE_REVISION);

        assertThat(problems(correct.correct(editor, live, fields, " "))).containsExactly("correction required");
        assertThat(reason(correct.correct(editor, fixtures.story(Start.UNPUBLISHED), fields, "A note.")))
                .isEqualTo(StoryRefusal.NOT_LIVE);
        assertThat(reason(correct.correct(editor, locked(Start.LIVE), fields, "A note.")))
                .isEqualTo(StoryRefusal.STORY_LOCKED);
        assertThat(done(correct.correct(editor, live, fields, "An earlier version misspelt a name."))).isEqualTo(live);
        assertThat(fixtures.find(live).correctionNote()).isEqualTo("An earlier version misspelt a name.");
    }

    @Test
    void takeDownsNeedAnEditorAndAFreeLockAndAKillIsFinal() {
        assertThat(reason(unpublish.unpublish(contributor, fixtures.story(Start.LIVE))))
                .isEqualTo(StoryRefusal.NOT_PERMITTED);
        assertThat(reason(unpublish.unpublish(editor, locked(Start.LIVE)))).isEqualTo(StoryRefusal.STORY_LOCKED);
        assertThat(reason(unpublish.unpublish(editor, fixtures.story(Start.SCHEDULED))))
                .isEqualTo(StoryRefusal.NOT_LIVE);
        assertThat(reason(kill.kill(contributor, fixtures.story(Start.DRAFT, contributor))))
                .isEqualTo(StoryRefusal.NOT_PERMITTED);
        long held = locked(Start.LIVE);
        assertThat(reason(kill.kill(editor, held))).isEqualTo(StoryRefusal.STORY_LOCKED);
        assertThat(fixtures.find(held).state()).isEqualTo(ArticleState.LIVE);
        long scheduled = fixtures.story(Start.SCHEDULED);
        assertThat(done(kill.kill(editor, scheduled))).isEqualTo(scheduled);
        assertThat(reason(kill.kill(editor, scheduled))).isEqualTo(StoryRefusal.NOT_LIVE);
        assertThat(reason(publish.publish(editor, scheduled))).isEqualTo(StoryRefusal.NOT_PUBLISHABLE);
    }

    @Test
    void restoreSavesAnEarlierRevisionUnderTheSameRules() {
        long live = fixtures.story(Start.LIVE);
        String first = fixtures.find(live).headline();
        done(update.update(editor, live, StoryFixtures.fields("Second headline " + System.nanoTime()), null));
        assertThat(reason(restore.restore(editor, live, 9))).isEqualTo(StoryRefusal.UNKNOWN_REVISION);
        fixtures.lockedBy(holder, live);
        assertThat(reason(restore.restore(editor, live, 1))).isEqualTo(StoryRefusal.STORY_LOCKED);
        assertThat(done(restore.restore(holder, live, 1))).isEqualTo(live);
        assertThat(fixtures.find(live).headline()).isEqualTo(first);
        assertThat(fixtures.find(live).revision()).isEqualTo(3);
    }

    @Test
    void theLockIsTakenWhenFreeRefusedWhenHeldAndTakenOverOnPurpose() {
        long id = fixtures.story(Start.DRAFT, contributor);
        assertThat(done(lock.lock(holder, id))).isEqualTo(id);
        assertThat(lock.lock(editor, id)).isEqualTo(new StoryResult.Refused(StoryRefusal.STORY_LOCKED, "Hugo Holder"));
        assertThat(reason(lock.takeOver(moderator, id))).isEqualTo(StoryRefusal.NOT_PERMITTED);
        assertThat(done(lock.takeOver(editor, id))).isEqualTo(id);
        assertThat(fixtures.find(id).lock().name()).isEqualTo("Edna Editor");
        lock.release(holder, id); // not the holder's any more: stays
        assertThat(fixtures.find(id).lock()).isNotNull();
        lock.release(editor, id);
        assertThat(fixtures.find(id).lock()).isNull();
        assertThat(reason(lock.lock(editor, fixtures.story(Start.KILLED)))).isEqualTo(StoryRefusal.STORY_KILLED);
    }

    @Test
    void editionsAndTranslationsChangeOnlyWithAFreeLock() {
        assertThat(reason(moveEdition.move(editor, fixtures.story(Start.LIVE), "ru")))
                .isEqualTo(StoryRefusal.NOT_MOVABLE);
        assertThat(reason(moveEdition.move(editor, locked(Start.DRAFT), "ru"))).isEqualTo(StoryRefusal.STORY_LOCKED);
        long draft = fixtures.story(Start.DRAFT);
        assertThat(done(moveEdition.move(editor, draft, "ru"))).isEqualTo(draft);
        assertThat(fixtures.find(draft).edition()).isEqualTo("ru");
        long english = fixtures.story(Start.LIVE);
        assertThat(reason(link.link(editor, locked(Start.DRAFT), english))).isEqualTo(StoryRefusal.STORY_LOCKED);
        assertThat(problems(link.link(editor, fixtures.story(Start.DRAFT), english)))
                .containsExactly("translationOf same_edition");
        assertThat(done(link.link(editor, draft, english))).isEqualTo(draft);
    }

    @Test
    void theWireCreatesOnItsDeskAndActsOverALockByItsRules() {
        Story.Provenance v1 = new Story.Provenance("Rules wire", "urn:rules:" + System.nanoTime(), 1,
                clock.instant());
        long id = done(create.fromWire(StoryFixtures.fields("From the wire " + System.nanoTime()), v1));
        assertThat(fixtures.find(id).desk()).isEqualTo("incoming");
        fixtures.lockedBy(holder, id);
        Story.Provenance v2 = new Story.Provenance(v1.source(), v1.guid(), 2, clock.instant());
        assertThat(done(save.applyWireVersion(id, StoryFixtures.fields("Wire version two"), v2))).isEqualTo(id);
        assertThat(fixtures.find(id).provenance().version()).isEqualTo(2);
        Story.Provenance v3 = new Story.Provenance(v1.source(), v1.guid(), 3, clock.instant());
        assertThat(done(kill.killFromWire(id, v3))).isEqualTo(id);
        assertThat(fixtures.find(id).state()).isEqualTo(ArticleState.KILLED);
        assertThat(reason(save.applyWireVersion(id, StoryFixtures.fields("Too late"), v3)))
                .isEqualTo(StoryRefusal.STORY_KILLED);
    }
}

package org.dateline.newsroom;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.dateline.content.ArticleState;
import org.dateline.identity.Accounts;
import org.dateline.identity.Actor;
import org.dateline.identity.Role;
import org.dateline.media.PictureFields;
import org.dateline.media.PictureResult;
import org.dateline.media.PictureUpload;
import org.dateline.media.UploadPicture;
import org.dateline.testing.TestPictures;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stories brought into a given state through the newsroom's own use cases, and the people who act on them: what the
 * rule and entrance tests start from. Built from the running application's beans, so the tests share its context.
 */
final class StoryFixtures {

    /**
     * Where a test story starts. The last two are ready stories that cannot be published yet: a lead picture without
     * alt text, a figure of a picture the library does not hold.
     */
    enum Start { INCOMPLETE_DRAFT, DRAFT, IN_EDIT, READY, SCHEDULED, LIVE, UNPUBLISHED, KILLED, PICTURE_WITHOUT_ALT,
        PICTURE_NOT_FOUND }

    static final Actor SYSTEM = new Actor(0, "", "Fixture", Role.ADMIN);

    private final Accounts accounts;
    private final CreateStory create;
    private final MoveStory move;
    private final PublishStory publish;
    private final ScheduleStory schedule;
    private final UnpublishStory unpublish;
    private final KillStory kill;
    private final StoryLock lock;
    private final StoryQueries queries;
    private final UploadPicture upload;
    private final Clock clock;

    StoryFixtures(ApplicationContext context) {
        this.accounts = context.getBean(Accounts.class);
        this.create = context.getBean(CreateStory.class);
        this.move = context.getBean(MoveStory.class);
        this.publish = context.getBean(PublishStory.class);
        this.schedule = context.getBean(ScheduleStory.class);
        this.unpublish = context.getBean(UnpublishStory.class);
        this.kill = context.getBean(KillStory.class);
        this.lock = context.getBean(StoryLock.class);
        this.queries = context.getBean(StoryQueries.class);
        this.upload = context.getBean(UploadPicture.class);
        this.clock = context.getBean(Clock.class);
    }

    /** A staff member with a real account, who can log in with {@link #PASSWORD}. */
    Actor staff(Role role, String name) {
        String email = role.name().toLowerCase() + "-" + System.nanoTime() + "@dateline.test";
        accounts.createStaff(email, name, role, PASSWORD, false);
        var account = accounts.byEmail(email).orElseThrow();
        return new Actor(account.id(), email, name, role);
    }

    static final String PASSWORD = "start-Password-123";

    static PublishCommand fields(String headline) {
        return new PublishCommand("en", "science", headline, "A lead that says what happened.",
                List.of("First paragraph.", "Second paragraph."), "OSLO", null, "Dateline", List.of("Fixtures"),
                List.of("Test Reporter"), null, null, null);
    }

    /** A story in the given state, written by {@code author}. */
    long story(Start start, Actor author) {
        String headline = "Story " + start.name().toLowerCase() + " " + System.nanoTime();
        if (start == Start.LIVE || start == Start.UNPUBLISHED) {
            long id = done(publish.publishNew(SYSTEM, fields(headline)));
            if (start == Start.UNPUBLISHED) {
                done(unpublish.unpublish(SYSTEM, id));
            }
            return expect(id, start);
        }
        PublishCommand fields = switch (start) {
            case INCOMPLETE_DRAFT -> new PublishCommand("en", "science", headline, null, List.of(), null, null, null,
                    List.of(), List.of(), null, null, null);
            case PICTURE_WITHOUT_ALT -> fields(headline).withLeadPicture(pictureWithoutAlt());
            case PICTURE_NOT_FOUND -> new PublishCommand("en", "science", headline, "A lead.",
                    List.of("A paragraph.", "![](picture:987654321)"), "OSLO", null, "Dateline", List.of(),
                    List.of(), null, null, null);
            default -> fields(headline);
        };
        long id = done(create.create(author, fields));
        switch (start) {
            case IN_EDIT -> done(move.submit(SYSTEM, id));
            case READY, PICTURE_WITHOUT_ALT, PICTURE_NOT_FOUND -> {
                done(move.submit(SYSTEM, id));
                done(move.markReady(SYSTEM, id));
            }
            case SCHEDULED -> done(schedule.schedule(SYSTEM, id, clock.instant().plus(Duration.ofDays(2)), false));
            case KILLED -> done(kill.kill(SYSTEM, id));
            default -> {
            }
        }
        return expect(id, start);
    }

    long story(Start start) {
        return story(start, SYSTEM);
    }

    /** A picture in the library that nobody described yet. */
    long pictureWithoutAlt() {
        PictureResult result = upload.upload(SYSTEM, PictureUpload.of(TestPictures.jpeg(320, 240), "image/jpeg",
                "undescribed.jpg", PictureFields.none()));
        assertThat(result).isInstanceOf(PictureResult.Done.class);
        return ((PictureResult.Done) result).picture().id();
    }

    /** Someone else takes the story's edit lock. */
    void lockedBy(Actor holder, long id) {
        done(lock.lock(holder, id));
    }

    Story find(long id) {
        return queries.find(id).orElseThrow();
    }

    private long expect(long id, Start start) {
        ArticleState expected = switch (start) {
            case INCOMPLETE_DRAFT, DRAFT -> ArticleState.DRAFT;
            case IN_EDIT -> ArticleState.IN_EDIT;
            case READY, PICTURE_WITHOUT_ALT, PICTURE_NOT_FOUND -> ArticleState.READY;
            case SCHEDULED -> ArticleState.SCHEDULED;
            case LIVE -> ArticleState.LIVE;
            case UNPUBLISHED -> ArticleState.UNPUBLISHED;
            case KILLED -> ArticleState.KILLED;
        };
        assertThat(find(id).state()).isEqualTo(expected);
        return id;
    }

    static long done(StoryResult result) {
        assertThat(result).isInstanceOf(StoryResult.Done.class);
        return ((StoryResult.Done) result).storyId();
    }
}

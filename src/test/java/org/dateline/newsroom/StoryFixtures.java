package org.dateline.newsroom;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.dateline.content.ArticleState;
import org.dateline.identity.Accounts;
import org.dateline.identity.Actor;
import org.dateline.identity.Role;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stories brought into a given state through the newsroom's own use cases, and the people who act on them: what the
 * rule and entrance tests start from. Built from the running application's beans, so the tests share its context.
 */
final class StoryFixtures {

    /** Where a test story starts. */
    enum Start { INCOMPLETE_DRAFT, DRAFT, IN_EDIT, READY, SCHEDULED, LIVE, UNPUBLISHED, KILLED }

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
        PublishCommand fields = start == Start.INCOMPLETE_DRAFT
                ? new PublishCommand("en", "science", headline, null, List.of(), null, null, null, List.of(),
                List.of(), null, null, null) : fields(headline);
        long id = done(create.create(author, fields));
        switch (start) {
            case IN_EDIT -> done(move.submit(SYSTEM, id));
            case READY -> {
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
            case READY -> ArticleState.READY;
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

package org.dateline.changes;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.dateline.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The change log delivers every committed change once, in order, and never a rolled-back one. */
@IntegrationTest
@Import(ChangeLogIT.Recording.class)
class ChangeLogIT {

    @TestConfiguration
    static class Recording {
        @Bean
        Recorder recorder() {
            return new Recorder();
        }

        @Bean
        AtCommit atCommit() {
            return new AtCommit();
        }
    }

    /** Records who handed it which of the {@code test.commit} changes: the committing thread or the tailer. */
    static class AtCommit implements CommitListener {
        record Call(String kind, long position, String thread) {
        }

        final List<Call> calls = new CopyOnWriteArrayList<>();

        @Override
        public void onChange(Change change) {
            if (change.kind().startsWith("test.commit")) {
                calls.add(new Call(change.kind(), change.position(), Thread.currentThread().getName()));
            }
        }
    }

    static class Recorder implements ChangeListener {
        final List<Change> seen = new CopyOnWriteArrayList<>();

        @Override
        public void onChange(Change change) {
            if (change.kind().startsWith("test.")) {
                seen.add(change);
            }
        }

        List<String> kinds() {
            return seen.stream().map(Change::kind).toList();
        }
    }

    @Autowired
    ChangeLog changes;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    Recorder recorder;
    @Autowired
    AtCommit atCommit;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    @Test
    void deliversACommittedChangeWithItsKeys() throws Exception {
        transaction.executeWithoutResult(s -> changes.append("test.one", "en", 7L, List.of("article:7", "edition:en")));
        awaitKinds(List.of("test.one"));
        Change change = recorder.seen.stream().filter(c -> c.kind().equals("test.one")).findFirst().orElseThrow();
        assertThat(change.keys()).containsExactlyInAnyOrder("article:7", "edition:en");
        assertThat(change.edition()).isEqualTo("en");
        assertThat(change.subjectId()).isEqualTo(7L);
    }

    @Test
    void neverDeliversARolledBackChange() throws Exception {
        transaction.executeWithoutResult(s -> {
            changes.append("test.rolled-back", "en", null, List.of("x"));
            s.setRollbackOnly();
        });
        transaction.executeWithoutResult(s -> changes.append("test.after-rollback", "en", null, List.of("y")));
        awaitKinds(List.of("test.after-rollback"));
        assertThat(recorder.kinds()).doesNotContain("test.rolled-back");
    }

    @Test
    void handsThisNodesOwnChangesToCommitListenersAtTheCommitThenAsTheTailerReadsThem() throws Exception {
        String committer = Thread.currentThread().getName();
        transaction.executeWithoutResult(s -> {
            changes.append("test.commit-rolled-back", "en", 1L, List.of("x"));
            s.setRollbackOnly();
        });
        long[] positions = transaction.execute(s -> {
            long[] appended = changes.appendAll(List.of(new ChangeLog.Entry("test.commit-a", "en", 1L, List.of("a")),
                    new ChangeLog.Entry("test.commit-b", "en", 2L, List.of("b"))));
            assertThat(atCommit.calls).as("nothing before the commit").isEmpty();
            return appended;
        });
        // at once, on this thread, in the order appended, the rolled-back one never
        assertThat(atCommit.calls).containsExactly(new AtCommit.Call("test.commit-a", positions[0], committer),
                new AtCommit.Call("test.commit-b", positions[1], committer));
        // then the tailer hands the same entries over, as to every listener
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (atCommit.calls.size() < 4) {
            assertThat(System.nanoTime()).as("the tailer delivered them too; saw %s", atCommit.calls)
                    .isLessThan(deadline);
            Thread.sleep(20);
        }
        assertThat(atCommit.calls.subList(2, 4)).extracting(AtCommit.Call::kind, AtCommit.Call::position)
                .containsExactly(tuple("test.commit-a", positions[0]),
                        tuple("test.commit-b", positions[1]));
        assertThat(atCommit.calls.subList(2, 4)).noneMatch(call -> call.thread().equals(committer));
        assertThat(atCommit.calls).noneMatch(call -> call.kind().equals("test.commit-rolled-back"));
    }

    @Test
    void waitsForAnEarlierPositionThatCommitsLate() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Thread slow = appendAndWait("test.slow", release);
        transaction.executeWithoutResult(s -> changes.append("test.fast", "en", null, List.of("b")));
        Thread.sleep(600); // several polls: the later position must wait for the hole below it
        assertThat(recorder.kinds()).doesNotContain("test.fast");
        release.countDown();
        slow.join();
        awaitKinds(List.of("test.slow", "test.fast"));
    }

    /** A tailer running behind reads changes already older than the gap timeout; a late commit is still awaited. */
    @Test
    void waitsForALateCommitEvenWhenTheChangeAfterItIsAlreadyOld() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Thread slow = appendAndWait("test.slow-behind", release);
        jdbc.sql("INSERT INTO change_log (created_at, kind, edition, surrogate_keys) VALUES (?, 'test.old-after', 'en', 'b')")
                .params(Timestamp.from(clock.instant().minus(Duration.ofSeconds(10)))).update();
        Thread.sleep(600); // several polls: the old change after the hole must still wait
        assertThat(recorder.kinds()).doesNotContain("test.old-after");
        release.countDown();
        slow.join();
        awaitKinds(List.of("test.slow-behind", "test.old-after"));
    }

    /** Appends a change in a transaction that stays open until released; returns once the change has its position. */
    private Thread appendAndWait(String kind, CountDownLatch release) throws InterruptedException {
        CountDownLatch appended = new CountDownLatch(1);
        Thread slow = new Thread(() -> transaction.executeWithoutResult(s -> {
            changes.append(kind, "en", null, List.of("a"));
            appended.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        slow.start();
        assertThat(appended.await(10, TimeUnit.SECONDS)).isTrue();
        return slow;
    }

    private void awaitKinds(List<String> expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!recorder.kinds().containsAll(expected)) {
            assertThat(System.nanoTime()).as("changes %s delivered in time; saw %s", expected, recorder.kinds())
                    .isLessThan(deadline);
            Thread.sleep(20);
        }
        List<String> order = recorder.kinds().stream().filter(expected::contains).toList();
        assertThat(order).containsExactlyElementsOf(expected);
    }
}

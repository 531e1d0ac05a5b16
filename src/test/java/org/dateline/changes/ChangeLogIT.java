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

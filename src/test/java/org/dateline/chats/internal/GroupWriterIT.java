package org.dateline.chats.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.dateline.testing.IntegrationTest;
import org.dateline.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Items arriving together share transactions (and are stored by one call, as batches); an item that fails fails alone
 * and leaves nothing behind, the others are stored; every caller returns only once its item is committed. Four
 * writers at once, on the suite's database.
 */
@IntegrationTest
class GroupWriterIT {

    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JdbcTemplate batches;

    @Test
    void concurrentWritesAreCommittedTogetherAndAFailingOneFailsAlone() throws Exception {
        String table = "group_writer_" + System.nanoTime();
        jdbc.sql("CREATE TABLE " + table + " (n INT PRIMARY KEY, tx VARCHAR(100))").update();
        // the current transaction's id, as each database names it (H2's once the transaction has changed something)
        String transactionId = TestDatabases.postgres() ? "txid_current()" : "TRANSACTION_ID()";
        // which writer threads stored each key's items
        Map<Integer, Set<String>> writersOfKey = new ConcurrentHashMap<>();
        // as the messages' writer stores a group: each kind of statement once, as a batch, for the whole group
        GroupWriter<Integer> writer = new GroupWriter<>("test-writer", transactions, 4, n -> n % 7, group -> {
            group.forEach(n -> writersOfKey.computeIfAbsent(n % 7, k -> ConcurrentHashMap.newKeySet())
                    .add(Thread.currentThread().getName()));
            batches.batchUpdate("INSERT INTO " + table + " (n) VALUES (?)",
                    group.stream().map(n -> new Object[] {n}).toList());
            batches.batchUpdate("UPDATE " + table + " SET tx = CAST(" + transactionId + " AS VARCHAR(100)) WHERE n = ?",
                    group.stream().map(n -> new Object[] {n}).toList());
            group.stream().filter(n -> n % 50 == 13).findFirst().ifPresent(n -> { // the rollback takes it away
                throw new IllegalStateException("write " + n + " fails");
            });
            return group.stream().mapToLong(n -> n).toArray();
        });
        writer.start();
        int writes = 200;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService callers = Executors.newFixedThreadPool(64);
        List<CompletableFuture<Long>> results = new ArrayList<>();
        for (int i = 0; i < writes; i++) {
            int n = i;
            results.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return writer.write(n);
            }, callers));
        }
        start.countDown();
        int failed = 0;
        for (int i = 0; i < writes; i++) {
            try {
                assertThat(results.get(i).get(30, TimeUnit.SECONDS)).isEqualTo(i);
                // acknowledged: committed, visible to any other connection
                assertThat(jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE n = ?").params(i).query(Long.class)
                        .single()).isEqualTo(1);
            } catch (java.util.concurrent.ExecutionException e) {
                assertThat(e.getCause()).hasMessage("write " + i + " fails");
                failed++;
            }
        }
        callers.shutdown();
        writer.stop();
        assertThat(failed).isEqualTo(4);
        List<Integer> stored = jdbc.sql("SELECT n FROM " + table + " ORDER BY n").query(Integer.class).list();
        assertThat(stored).hasSize(writes - 4).noneMatch(n -> n % 50 == 13);
        // each key has its one writer (two writers never lock the rows of one key), and all four wrote
        assertThat(writersOfKey).hasSize(7).allSatisfy((key, threads) -> assertThat(threads).hasSize(1));
        assertThat(writersOfKey.values().stream().flatMap(Set::stream).distinct()).hasSize(4);
        // fewer transactions than writes: they were shared
        long transactions = jdbc.sql("SELECT COUNT(DISTINCT tx) FROM " + table).query(Long.class).single();
        assertThat(transactions).isLessThan(writes - 4);
        jdbc.sql("DROP TABLE " + table).update();
    }
}

package org.dateline.platform.limits;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.zaxxer.hikari.HikariDataSource;
import org.dateline.testing.TestDatabases;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The shared buckets on a real PostgreSQL database (the suite's PostgreSQL run only): limiters standing for two
 * nodes share one allowance, exactly without a tolerance and within it with one; without the database a node limits
 * on its own and says so once; rows whose bucket is full again are deleted, the others kept.
 */
@Tag("db")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedBucketsIT {

    private HikariDataSource pool;
    private Reachable database;
    private JdbcClient jdbc;

    /** The database, or a database that does not answer (as when the network to it is down). */
    static final class Reachable extends DelegatingDataSource {
        volatile boolean down;

        Reachable(javax.sql.DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (down) {
                throw new SQLException("Connection refused (test)", "08001");
            }
            return super.getConnection();
        }
    }

    @BeforeAll
    void database() {
        assumeTrue(TestDatabases.postgres(), "the shared buckets live on PostgreSQL only");
        TestDatabases.Database fresh = TestDatabases.freshPostgres();
        pool = new HikariDataSource();
        pool.setJdbcUrl(fresh.url());
        pool.setUsername(fresh.username());
        pool.setPassword(fresh.password());
        pool.setMaximumPoolSize(4);
        Flyway.configure().dataSource(pool)
                .locations("classpath:db/migration/common", "classpath:db/migration/postgresql").load().migrate();
        database = new Reachable(pool);
        jdbc = JdbcClient.create(pool);
    }

    @AfterAll
    void close() {
        if (pool != null) {
            pool.close();
        }
    }

    private RateLimiter node(int tolerancePercent) {
        return new RateLimiter(Optional.of(RateLimitConfiguration.sharedTable(database)),
                new RateLimitSettings(tolerancePercent), Duration.ZERO);
    }

    private static int taken(RateLimit limit, String key, int tries) {
        return (int) IntStream.range(0, tries).filter(i -> limit.tryTake(key)).count();
    }

    @Test
    void twoNodesShareOneAllowance() {
        RateLimit first = node(0).limit("test.exact", 10, Duration.ofHours(1));
        RateLimit second = node(0).limit("test.exact", 10, Duration.ofHours(1));
        assertThat(taken(first, "10.0.0.1", 6)).isEqualTo(6);
        assertThat(taken(second, "10.0.0.1", 6)).isEqualTo(4);
        assertThat(taken(first, "10.0.0.1", 1)).isZero();
        // another key has its own allowance
        assertThat(taken(second, "10.0.0.2", 6)).isEqualTo(6);
        // a token given back is there for the other node
        second.giveBack("10.0.0.1");
        assertThat(taken(first, "10.0.0.1", 2)).isEqualTo(1);
    }

    @Test
    void aKeyWithinTheShareOfANodeCostsTheDatabaseNothing() {
        RateLimit limit = node(10).limit("test.unwritten", 120, Duration.ofHours(1));
        assertThat(taken(limit, "10.0.5.1", 12)).isEqualTo(12);
        assertThat(rows("test.unwritten/")).isZero();
        limit.giveBack("10.0.5.1");
        assertThat(taken(limit, "10.0.5.1", 2)).isEqualTo(2);
        // the 13th wrote the 12 before it to the row, and is itself the first of this node's copy's next share
        assertThat(rows("test.unwritten/")).isEqualTo(1);
        assertThat(taken(node(0).limit("test.unwritten", 120, Duration.ofHours(1)), "10.0.5.1", 200))
                .isEqualTo(120 - 12);
    }

    @Test
    void withAToleranceEachNodeGoesBeyondTheLimitByAtMostItsShareAndPaysItBack() {
        RateLimiter firstNode = node(10);
        RateLimiter secondNode = node(10);
        RateLimit first = firstNode.limit("test.tolerant", 100, Duration.ofHours(1));
        RateLimit second = secondNode.limit("test.tolerant", 100, Duration.ofHours(1));
        int sum = 0;
        for (int round = 0; round < 20; round++) { // the nodes take turns, as a balancer would send them
            sum += taken(first, "10.0.1.1", 10) + taken(second, "10.0.1.1", 10);
        }
        // per-node buckets would let through 200; each node may hand out 10 the database has not heard of
        assertThat(sum).isBetween(100, 100 + 2 * 10);
        // what a node handed out beyond the limit is charged when it next writes: neither lets more through
        assertThat(taken(first, "10.0.1.1", 30) + taken(second, "10.0.1.1", 30)).isZero();
        // a node that has not written the key yet hands out its share before it asks, then no more
        assertThat(taken(node(10).limit("test.tolerant", 100, Duration.ofHours(1)), "10.0.1.1", 30)).isEqualTo(10);
    }

    @Test
    void requestsArrivingTogetherOnNewKeysAreAnsweredByTheDatabase() throws Exception {
        ListAppender<ILoggingEvent> lines = logLines();
        try {
            for (int tolerance : new int[] {0, 10}) {
                String name = "test.together." + tolerance;
                RateLimit first = node(tolerance).limit(name, 40, Duration.ofHours(1));
                RateLimit second = node(tolerance).limit(name, 40, Duration.ofHours(1));
                // 16 threads, half on each node, 50 checks on a key, then the next key: a key is new to both nodes
                // and the table when the threads arrive at it
                AtomicInteger checks = new AtomicInteger();
                Map<Integer, AtomicInteger> takenOfKey = new ConcurrentHashMap<>();
                ExecutorService threads = Executors.newFixedThreadPool(16);
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < 16; t++) {
                    RateLimit limit = t % 2 == 0 ? first : second;
                    done.add(threads.submit(() -> {
                        for (int check; (check = checks.getAndIncrement()) < 50 * 40; ) {
                            if (limit.tryTake("10.0.4." + check / 50)) {
                                takenOfKey.computeIfAbsent(check / 50, k -> new AtomicInteger()).incrementAndGet();
                            }
                        }
                    }));
                }
                for (Future<?> thread : done) {
                    thread.get(60, TimeUnit.SECONDS);
                }
                threads.shutdown();
                assertThat(takenOfKey).hasSize(40);
                int most = 40 + 2 * (40 * tolerance / 100);
                takenOfKey.forEach((key, taken) -> assertThat(taken.get())
                        .as("tolerance %d, key %d", tolerance, key).isBetween(40, most));
            }
            // no check fell back to this node's own buckets
            assertThat(lines.list).isEmpty();
        } finally {
            ((Logger) LoggerFactory.getLogger(RateLimiter.class)).detachAppender(lines);
        }
    }

    private static ListAppender<ILoggingEvent> logLines() {
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        ((Logger) LoggerFactory.getLogger(RateLimiter.class)).addAppender(lines);
        return lines;
    }

    @Test
    void withoutTheDatabaseEachNodeLimitsOnItsOwnAndSaysSoOnce() {
        Logger logger = (Logger) LoggerFactory.getLogger(RateLimiter.class);
        ListAppender<ILoggingEvent> lines = logLines();
        try {
            RateLimit limit = node(0).limit("test.unreachable", 5, Duration.ofHours(1));
            assertThat(taken(limit, "10.0.2.1", 2)).isEqualTo(2);

            database.down = true;
            // this node's own bucket: the limit itself, neither none nor a refusal of everything
            assertThat(taken(limit, "10.0.2.1", 7)).isEqualTo(5);
            assertThat(taken(limit, "10.0.2.2", 1)).isEqualTo(1);
            assertThat(lines.list).hasSize(1);
            assertThat(lines.list.get(0).getLevel()).isEqualTo(Level.WARN);
            assertThat(lines.list.get(0).getFormattedMessage()).contains("does not answer")
                    .contains("Connection refused (test)");

            database.down = false;
            // the shared bucket again, where 2 of 5 were taken before
            assertThat(taken(limit, "10.0.2.1", 5)).isEqualTo(3);
            assertThat(lines.list).hasSize(2);
            assertThat(lines.list.get(1).getLevel()).isEqualTo(Level.INFO);
            assertThat(lines.list.get(1).getFormattedMessage()).contains("answers again");
        } finally {
            database.down = false;
            logger.detachAppender(lines);
        }
    }

    @Test
    void aShareHandedOutWithoutAskingDoesNotTellTheDatabaseAnswersAgain() {
        ListAppender<ILoggingEvent> lines = logLines();
        RateLimit limit = node(10).limit("test.share-while-down", 100, Duration.ofHours(1));
        database.down = true;
        try {
            // 10 without asking, the 11th would write: the database does not answer, this node's own bucket lets it
            assertThat(taken(limit, "10.0.6.1", 11)).isEqualTo(11);
            // a new key's share asks nothing, so it says nothing of the database
            assertThat(taken(limit, "10.0.6.2", 1)).isEqualTo(1);
            assertThat(lines.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.WARN);
        } finally {
            database.down = false;
            ((Logger) LoggerFactory.getLogger(RateLimiter.class)).detachAppender(lines);
        }
    }

    @Test
    void bucketsFullAgainAreDeletedTheOthersKept() throws InterruptedException {
        RateLimiter node = node(0);
        RateLimit quick = node.limit("test.quick", 6000, Duration.ofMinutes(1)); // a token back every 10 ms
        RateLimit slow = node.limit("test.slow", 1, Duration.ofHours(1));
        assertThat(quick.tryTake("10.0.3.1")).isTrue();
        assertThat(slow.tryTake("10.0.3.1")).isTrue();
        long now = System.currentTimeMillis();
        assertThat(expiresAt("test.slow/")).isBetween(now + Duration.ofMinutes(59).toMillis(),
                now + Duration.ofMinutes(61).toMillis());
        assertThat(rows("test.quick/")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT id FROM rate_limit_buckets WHERE id LIKE 'test.slow/%'").query(String.class)
                .single()).doesNotContain("10.0.3.1"); // a hash of the key, not the key

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (rows("test.quick/") > 0 && System.nanoTime() < deadline) {
            new ExpiredBuckets(node).deleteExpired();
            Thread.sleep(20);
        }
        assertThat(rows("test.quick/")).isZero();
        assertThat(rows("test.slow/")).isEqualTo(1);
        // a deleted bucket is a full one
        assertThat(taken(quick, "10.0.3.1", 1)).isEqualTo(1);
        assertThat(taken(slow, "10.0.3.1", 1)).isZero();
    }

    @Test
    void deletingGoesOnInBatchesUntilNoneIsLeft() {
        jdbc.sql("""
                INSERT INTO rate_limit_buckets (id, state, expires_at)
                SELECT 'test.batch/' || n, NULL, 1 FROM generate_series(1, ?) AS n
                """).param(ExpiredBuckets.BATCH * 2 + 5).update();
        assertThat(new ExpiredBuckets(node(0)).deleteExpired()).isGreaterThanOrEqualTo(ExpiredBuckets.BATCH * 2 + 5);
        assertThat(rows("test.batch/")).isZero();
    }

    private long rows(String prefix) {
        return jdbc.sql("SELECT COUNT(*) FROM rate_limit_buckets WHERE id LIKE ?").param(prefix + "%")
                .query(Long.class).single();
    }

    private long expiresAt(String prefix) {
        List<Long> found = jdbc.sql("SELECT expires_at FROM rate_limit_buckets WHERE id LIKE ?").param(prefix + "%")
                .query(Long.class).list();
        assertThat(found).hasSize(1);
        return found.get(0);
    }
}

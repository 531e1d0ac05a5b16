package org.dateline.platform.limits;

import java.time.Duration;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** In memory (the embedded H2 default, one node): each limiter holds its own buckets, as before. */
class LocalBucketsTest {

    private static long taken(RateLimit limit, String key, int tries) {
        return IntStream.range(0, tries).filter(i -> limit.tryTake(key)).count();
    }

    @Test
    void eachKeyGetsTheLimitAndATokenGivenBackCanBeTakenAgain() {
        RateLimit limit = RateLimiter.inMemory().limit("test", 3, Duration.ofHours(1));
        assertThat(taken(limit, "10.0.0.1", 5)).isEqualTo(3);
        assertThat(taken(limit, "10.0.0.2", 5)).isEqualTo(3);
        limit.giveBack("10.0.0.1");
        assertThat(taken(limit, "10.0.0.1", 5)).isEqualTo(1);
    }

    @Test
    void inMemoryEachNodeHasItsOwnAllowance() {
        RateLimit onOne = RateLimiter.inMemory().limit("test", 3, Duration.ofHours(1));
        RateLimit onAnother = RateLimiter.inMemory().limit("test", 3, Duration.ofHours(1));
        assertThat(taken(onOne, "10.0.0.1", 3) + taken(onAnother, "10.0.0.1", 3)).isEqualTo(6);
    }
}

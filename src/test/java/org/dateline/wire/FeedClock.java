package org.dateline.wire;

import java.time.Instant;

import org.dateline.testing.MutableClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The clock of the polled-feed tests, moved by hand. A class of its own (not nested in one test) so that every test
 * class importing it with the same settings shares one application context.
 */
@TestConfiguration
class FeedClock {

    @Bean
    @Primary
    MutableClock mutableClock() {
        return new MutableClock(Instant.now());
    }
}

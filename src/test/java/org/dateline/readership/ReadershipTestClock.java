package org.dateline.readership;

import java.time.Instant;

import org.dateline.testing.MutableClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The clock of the readership tests, imported (not nested) by each of them so that they share one application context.
 */
@TestConfiguration
class ReadershipTestClock {

    @Bean
    @Primary
    MutableClock mutableClock() {
        return new MutableClock(Instant.now());
    }
}

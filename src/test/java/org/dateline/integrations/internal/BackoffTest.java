package org.dateline.integrations.internal;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

    @Test
    void waitsLongerAfterEachFailureThenGivesUpAfterTheSixthAttempt() {
        assertThat(Backoff.after(1)).hasValue(Duration.ofSeconds(10));
        assertThat(Backoff.after(2)).hasValue(Duration.ofSeconds(30));
        assertThat(Backoff.after(3)).hasValue(Duration.ofMinutes(2));
        assertThat(Backoff.after(4)).hasValue(Duration.ofMinutes(10));
        assertThat(Backoff.after(5)).hasValue(Duration.ofHours(1));
        assertThat(Backoff.after(6)).isEmpty();
        assertThat(Backoff.MAX_ATTEMPTS).isEqualTo(6);
    }

    @Test
    void noRetryIsScheduledBeforeAnyFailure() {
        assertThat(Backoff.after(0)).isEmpty();
    }
}

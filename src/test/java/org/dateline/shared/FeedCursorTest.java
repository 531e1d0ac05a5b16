package org.dateline.shared;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FeedCursorTest {

    @Test
    void roundTripsThroughItsText() {
        FeedCursor cursor = new FeedCursor(Instant.parse("2007-02-22T09:00:00.123Z"), 42);
        assertThat(cursor.encode()).isEqualTo("1172134800123_42");
        assertThat(FeedCursor.parse(cursor.encode())).contains(cursor);
    }

    @Test
    void refusesAnythingItDidNotProduce() {
        assertThat(FeedCursor.parse(null)).isEmpty();
        assertThat(FeedCursor.parse("")).isEmpty();
        assertThat(FeedCursor.parse("garbage")).isEmpty();
        assertThat(FeedCursor.parse("12_")).isEmpty();
        assertThat(FeedCursor.parse("_12")).isEmpty();
        assertThat(FeedCursor.parse("12_0")).isEmpty();
        assertThat(FeedCursor.parse("12_-3")).isEmpty();
        assertThat(FeedCursor.parse("99999999999999999999999_1")).isEmpty();
    }
}

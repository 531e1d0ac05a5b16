package org.dateline.readership.internal;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ViewHoursTest {

    @Test
    void anHourIsCountedFromTheEpochInUtc() {
        assertThat(ViewHours.hourOf(Instant.parse("1970-01-01T00:59:59.999Z"))).isZero();
        assertThat(ViewHours.hourOf(Instant.parse("1970-01-02T01:00:00Z"))).isEqualTo(25);
        assertThat(ViewHours.hourOf(Instant.parse("1969-12-31T23:30:00Z"))).isEqualTo(-1);
    }

    @Test
    void theLast24HoursWeighTheOldestHourByWhatIsLeftOfIt() {
        Instant now = Instant.parse("2026-12-07T10:15:00Z");
        ViewHours hours = ViewHours.last24Hours(now);

        assertThat(hours.current()).isEqualTo(ViewHours.hourOf(now));
        assertThat(hours.oldest()).isEqualTo(ViewHours.hourOf(Instant.parse("2026-12-06T10:00:00Z")));
        assertThat(hours.oldestPerMille()).isEqualTo(750); // 10:15-11:00 yesterday is within the last 24 hours
    }

    @Test
    void onTheHourTheOldestHourCountsWholly() {
        assertThat(ViewHours.last24Hours(Instant.parse("2026-12-07T10:00:00Z")).oldestPerMille()).isEqualTo(1000);
        assertThat(ViewHours.last24Hours(Instant.parse("2026-12-07T10:59:59.999Z")).oldestPerMille()).isZero();
    }
}

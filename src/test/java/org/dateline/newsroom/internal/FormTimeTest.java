package org.dateline.newsroom.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

import org.dateline.editions.Edition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The desk enters and reads schedule and embargo times in the story's edition's zone; they are stored in UTC. */
class FormTimeTest {

    static final Edition RU = new Edition("ru", Locale.forLanguageTag("ru"), "Русский", "Дейтлайн",
            ZoneId.of("Europe/Moscow"), false);
    static final Edition EN = new Edition("en", Locale.ENGLISH, "English", "Dateline", ZoneId.of("UTC"), true);

    @Test
    void readsTheFormsTimeInTheEditionsZone() {
        assertThat(FormTime.in("2026-12-08T10:00", RU.zone())).isEqualTo(Instant.parse("2026-12-08T07:00:00Z"));
        assertThat(FormTime.in("2026-12-08T10:00", EN.zone())).isEqualTo(Instant.parse("2026-12-08T10:00:00Z"));
        assertThat(FormTime.in("tomorrow", RU.zone())).isNull();
        assertThat(FormTime.in(" ", RU.zone())).isNull();
    }

    @Test
    void showsTheTimeInTheEditionsZoneWithUtcBeside() {
        Instant at = Instant.parse("2026-12-08T07:00:00Z");
        assertThat(FormTime.shown(at, RU)).isEqualTo("2026-12-08 10:00 Europe/Moscow (07:00 UTC)");
        assertThat(FormTime.shown(at, EN)).isEqualTo("2026-12-08 07:00 UTC");
    }
}

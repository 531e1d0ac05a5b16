package org.dateline.wire;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Small conversions every format needs: times, languages, version numbers, status codes. */
final class Values {

    private static final Pattern PRIMARY_SUBTAG = Pattern.compile("[a-zA-Z]{2,8}");

    private Values() {
    }

    /** An ISO 8601 date-time with or without offset (UTC assumed without), or a bare date; null if unreadable. */
    static Instant instant(String text) {
        OffsetDateTime time = offsetTime(text);
        return time == null ? null : time.toInstant();
    }

    /** The calendar day in the writer's own offset, as a dateline names it. */
    static LocalDate day(String text) {
        OffsetDateTime time = offsetTime(text);
        return time == null ? null : time.toLocalDate();
    }

    private static OffsetDateTime offsetTime(String text) {
        String value = PlainText.clean(text);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException notWithOffset) {
            try {
                return LocalDateTime.parse(value).atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(value).atStartOfDay().atOffset(ZoneOffset.UTC);
                } catch (DateTimeParseException notADate) {
                    return null;
                }
            }
        }
    }

    /** The primary subtag of a BCP 47 tag in lower case ({@code en-GB} → {@code en}); null if there is none. */
    static String language(String tag) {
        String value = PlainText.clean(tag);
        if (value == null) {
            return null;
        }
        String primary = value.split("[-_]", 2)[0];
        return PRIMARY_SUBTAG.matcher(primary).matches() ? primary.toLowerCase(Locale.ROOT) : null;
    }

    /** A version number; {@code fallback} when absent, -1 when present but not a positive whole number. */
    static long version(String text, long fallback) {
        String value = PlainText.clean(text);
        if (value == null) {
            return fallback;
        }
        try {
            long version = Long.parseLong(value);
            return version > 0 ? version : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The code of a qcode or URI, lower case: {@code stat:usable}, {@code http://.../ninature/text} → the last part. */
    static String code(String qcodeOrUri) {
        String value = PlainText.clean(qcodeOrUri);
        if (value == null) {
            return null;
        }
        int cut = Math.max(value.lastIndexOf(':'), value.lastIndexOf('/'));
        return value.substring(cut + 1).toLowerCase(Locale.ROOT);
    }

    /** usable / withheld / canceled (also "cancelled"); null for anything else. */
    static PubStatus pubStatus(String code) {
        if (code == null) {
            return null;
        }
        return switch (code.toLowerCase(Locale.ROOT)) {
            case "usable" -> PubStatus.USABLE;
            case "withheld" -> PubStatus.WITHHELD;
            case "canceled", "cancelled" -> PubStatus.CANCELED;
            default -> null;
        };
    }
}

package org.dateline.chats;

import java.util.Arrays;
import java.util.Optional;

/** The six reactions a reader can put on a message, by stable name and glyph. */
public enum Reaction {
    LIKE("like", "\uD83D\uDC4D"),
    LOVE("love", "\u2764\uFE0F"),
    LAUGH("laugh", "\uD83D\uDE02"),
    WOW("wow", "\uD83D\uDE2E"),
    SAD("sad", "\uD83D\uDE22"),
    ANGRY("angry", "\uD83D\uDE21");

    private final String code;
    private final String emoji;

    Reaction(String code, String emoji) {
        this.code = code;
        this.emoji = emoji;
    }

    public String code() {
        return code;
    }

    public String emoji() {
        return emoji;
    }

    /** By name ({@code like}) or by glyph (with or without the emoji variation selector). */
    public static Optional<Reaction> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String bare = value.strip().replace("\uFE0F", "");
        return Arrays.stream(values())
                .filter(r -> r.code.equalsIgnoreCase(bare) || r.emoji.replace("\uFE0F", "").equals(bare))
                .findFirst();
    }
}

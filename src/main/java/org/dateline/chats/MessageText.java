package org.dateline.chats;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * The input rules of a message: plain text, at most {@link #MAX_LENGTH} characters, no control characters besides
 * line breaks and tabs, no broken surrogates, replacement or non-characters (what invalid UTF-8 decodes to). The
 * text is stored normalised (NFC, {@code \n} line ends, tabs as spaces, at most two blank lines in a row, trimmed);
 * {@link MessageHtml} turns it into markup on the way out.
 */
public final class MessageText {

    /** In Unicode code points, as readers count characters. */
    public static final int MAX_LENGTH = 2000;
    private static final Pattern SPACE_BEFORE_LINE_END = Pattern.compile("[ \\u00A0]+\\n");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");

    private MessageText() {
    }

    /** The outcome: the normalised text, or why it cannot be posted. */
    public sealed interface Checked permits Valid, Invalid {
    }

    public record Valid(String text) implements Checked {
    }

    public record Invalid(Refusal reason) implements Checked {
    }

    public static Checked check(String raw) {
        if (raw == null) {
            return new Invalid(Refusal.EMPTY);
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= raw.length() || !Character.isLowSurrogate(raw.charAt(i + 1))) {
                    return new Invalid(Refusal.INVALID_CHARACTERS);
                }
                i++;
            } else if (Character.isLowSurrogate(c) || forbidden(c)) {
                return new Invalid(Refusal.INVALID_CHARACTERS);
            }
        }
        String text = Normalizer.normalize(raw, Normalizer.Form.NFC)
                .replace("\r\n", "\n").replace('\r', '\n').replace('\t', ' ');
        if (text.indexOf('\n') >= 0) {
            text = BLANK_LINES.matcher(SPACE_BEFORE_LINE_END.matcher(text).replaceAll("\n")).replaceAll("\n\n");
        }
        text = text.strip();
        if (text.isEmpty()) {
            return new Invalid(Refusal.EMPTY);
        }
        if (text.codePointCount(0, text.length()) > MAX_LENGTH) {
            return new Invalid(Refusal.TOO_LONG);
        }
        return new Valid(text);
    }

    /**
     * The beginning of a text, at most {@code max} characters (code points), cut with an ellipsis: what a quote or a
     * preview shows of a message. {@code chat.js} cuts an edited quote the same way.
     */
    public static String start(String text, int max) {
        if (text == null || text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max - 1)).stripTrailing() + "\u2026";
    }

    private static boolean forbidden(char c) {
        if (c == '\n' || c == '\r' || c == '\t') {
            return false;
        }
        return Character.isISOControl(c) || c == '\uFFFD' || c == '\uFFFE' || c == '\uFFFF'
                || (c >= '\uFDD0' && c <= '\uFDEF');
    }
}

package org.dateline.search.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A reader's query as typed, cut into plain words and quoted phrases. There is no query language to get wrong: every
 * character is either a quote or text, an unclosed quote is read as plain words, and what the analysers do not take
 * for a word (punctuation, operators of other search engines) is passed over.
 *
 * @param parts          in the order typed
 * @param lastWordPrefix the last plain word may be unfinished (nothing follows it, not even a space)
 */
record ReaderQuery(List<Part> parts, boolean lastWordPrefix) {

    /** Quotation marks readers type: straight, typographic, and the Russian guillemets. */
    private static final String QUOTES = "\"“”„«»";

    sealed interface Part {
        String text();
    }

    record Words(String text) implements Part {
    }

    record Phrase(String text) implements Part {
    }

    static ReaderQuery parse(String typed) {
        String text = clean(typed);
        List<Part> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (QUOTES.indexOf(c) >= 0) {
                add(parts, current, quoted);
                quoted = !quoted;
            } else {
                current.append(c);
            }
        }
        add(parts, current, false); // an unclosed quote: its words are plain words
        // Typing a space, a quote or a full stop after a word says it is finished.
        boolean prefix = !text.isEmpty() && Character.isLetterOrDigit(text.codePointBefore(text.length()))
                && !parts.isEmpty() && parts.get(parts.size() - 1) instanceof Words;
        return new ReaderQuery(List.copyOf(parts), prefix);
    }

    boolean isEmpty() {
        return parts.isEmpty();
    }

    private static void add(List<Part> parts, StringBuilder current, boolean phrase) {
        String text = current.toString().strip();
        current.setLength(0);
        if (!text.isEmpty()) {
            parts.add(phrase ? new Phrase(text) : new Words(text));
        }
    }

    /** Control characters become spaces (a tab or newline pasted in separates words like a space). */
    private static String clean(String typed) {
        if (typed == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(typed.length());
        typed.codePoints().forEach(cp -> out.appendCodePoint(Character.isISOControl(cp) ? ' ' : cp));
        return out.toString().stripLeading();
    }
}

package org.dateline.chats;

import java.util.Collection;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether a text contains one of the banned words or phrases: whole words only ("ass" does not catch "class"),
 * whatever the case, in any script.
 */
public final class BannedWords {

    private BannedWords() {
    }

    public static boolean anyIn(String text, Collection<String> words) {
        return firstIn(text, words).isPresent();
    }

    /** The first of the words that the text contains, if any. */
    public static Optional<String> firstIn(String text, Collection<String> words) {
        for (String word : words) {
            Pattern whole = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(word.strip()) + "(?![\\p{L}\\p{N}])",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            if (!word.isBlank() && whole.matcher(text).find()) {
                return Optional.of(word);
            }
        }
        return Optional.empty();
    }
}

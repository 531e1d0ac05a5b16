package org.dateline.chats;

import java.util.Collection;
import java.util.regex.Pattern;

/**
 * Whether a text contains one of the banned words or phrases: whole words only ("ass" does not catch "class"),
 * whatever the case, in any script.
 */
public final class BannedWords {

    private BannedWords() {
    }

    public static boolean anyIn(String text, Collection<String> words) {
        for (String word : words) {
            Pattern whole = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(word.strip()) + "(?![\\p{L}\\p{N}])",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            if (!word.isBlank() && whole.matcher(text).find()) {
                return true;
            }
        }
        return false;
    }
}

package org.dateline.shared;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** A URL path segment: lowercase ASCII letters, digits and single hyphens. */
public record Slug(String value) {

    public static final int MAX_LENGTH = 80;
    private static final Pattern VALID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Map<Character, String> CYRILLIC = cyrillic();

    public Slug {
        if (value == null || value.length() > MAX_LENGTH || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("not a slug: " + value);
        }
    }

    public static boolean isValid(String value) {
        return value != null && value.length() <= MAX_LENGTH && VALID.matcher(value).matches();
    }

    /** Derives a slug from a title in any script: Cyrillic is transliterated, accents dropped, the rest hyphenated. */
    public static Slug from(String title) {
        StringBuilder ascii = new StringBuilder(title.length());
        for (char c : title.toLowerCase(Locale.ROOT).toCharArray()) {
            String latin = CYRILLIC.get(c);
            ascii.append(latin != null ? latin : String.valueOf(c));
        }
        String plain = Normalizer.normalize(ascii, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String hyphenated = plain.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (hyphenated.length() > MAX_LENGTH) {
            hyphenated = hyphenated.substring(0, MAX_LENGTH);
            int lastHyphen = hyphenated.lastIndexOf('-');
            if (lastHyphen > MAX_LENGTH / 2) {
                hyphenated = hyphenated.substring(0, lastHyphen);
            }
            hyphenated = hyphenated.replaceAll("-+$", "");
        }
        return new Slug(hyphenated.isEmpty() ? "item" : hyphenated);
    }

    private static Map<Character, String> cyrillic() {
        String[][] pairs = {
            {"а", "a"}, {"б", "b"}, {"в", "v"}, {"г", "g"}, {"д", "d"}, {"е", "e"}, {"ё", "e"}, {"ж", "zh"},
            {"з", "z"}, {"и", "i"}, {"й", "y"}, {"к", "k"}, {"л", "l"}, {"м", "m"}, {"н", "n"}, {"о", "o"},
            {"п", "p"}, {"р", "r"}, {"с", "s"}, {"т", "t"}, {"у", "u"}, {"ф", "f"}, {"х", "kh"}, {"ц", "ts"},
            {"ч", "ch"}, {"ш", "sh"}, {"щ", "shch"}, {"ъ", ""}, {"ы", "y"}, {"ь", ""}, {"э", "e"}, {"ю", "yu"},
            {"я", "ya"}
        };
        Map<Character, String> map = new java.util.HashMap<>();
        for (String[] pair : pairs) {
            map.put(pair[0].charAt(0), pair[1]);
        }
        return Map.copyOf(map);
    }

    @Override
    public String toString() {
        return value;
    }
}

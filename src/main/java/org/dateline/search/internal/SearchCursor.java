package org.dateline.search.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import org.apache.lucene.search.FieldDoc;
import org.dateline.search.SearchSort;

/**
 * Where a page of results ended, as an opaque URL-safe string: the sort values of its last hit (score, publication
 * time and id, or time and id). The next page starts after those values, so no offset is ever counted and a story
 * published meanwhile does not shift the pages of a date-ordered search.
 */
final class SearchCursor {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    /** Past anything a query could want: a cursor longer than this is none we made. */
    private static final int MAX_LENGTH = 100;

    private SearchCursor() {
    }

    static String encode(SearchSort sort, FieldDoc last) {
        Object[] f = last.fields;
        String plain = sort == SearchSort.RELEVANCE
                ? "r." + Integer.toHexString(Float.floatToIntBits((Float) f[0])) + "." + f[1] + "." + f[2]
                : "d." + f[0] + "." + f[1];
        return ENCODER.encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    /** The page boundary, or empty for a string that is not a cursor of this sort. */
    static Optional<FieldDoc> decode(SearchSort sort, String cursor) {
        if (cursor.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            String[] v = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII).split("\\.", -1);
            if (sort == SearchSort.RELEVANCE && v.length == 4 && v[0].equals("r")) {
                float score = Float.intBitsToFloat(Integer.parseUnsignedInt(v[1], 16));
                if (Float.isNaN(score)) {
                    return Optional.empty();
                }
                return Optional.of(after(score, score, Long.parseLong(v[2]), Long.parseLong(v[3])));
            }
            if (sort == SearchSort.DATE && v.length == 3 && v[0].equals("d")) {
                return Optional.of(after(Float.NaN, Long.parseLong(v[1]), Long.parseLong(v[2])));
            }
        } catch (IllegalArgumentException notOurs) { // bad Base64 or number
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** The document number is the searcher's to set ({@code IndexSearch}): the cursor outlives any reader. */
    private static FieldDoc after(float score, Object... fields) {
        return new FieldDoc(0, score, fields);
    }
}

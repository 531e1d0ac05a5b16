package org.dateline.content;

import java.util.List;

/**
 * What editors chose for an edition's front page: a top story, pinned stories in their order, and the section blocks
 * in the order editors set (section ids). Nothing chosen is the empty arrangement: the front then shows the latest.
 * As stored, it may name stories that have left the site since; the front skips them.
 *
 * @param top      the top story, null when the latest story leads
 * @param sections section ids in the order their blocks come first; the others follow in the edition's order
 */
public record FrontArrangement(String edition, Pick top, List<Pick> pinned, List<Long> sections) {

    /** A story on the front, with the short headline the front shows instead of its own (null: its own). */
    public record Pick(long articleId, String frontHeadline) {
    }

    public FrontArrangement {
        pinned = List.copyOf(pinned);
        sections = List.copyOf(sections);
    }

    public static FrontArrangement empty(String edition) {
        return new FrontArrangement(edition, null, List.of(), List.of());
    }

    /** The stories it names, the top story first. */
    public List<Long> articleIds() {
        java.util.ArrayList<Long> ids = new java.util.ArrayList<>();
        if (top != null) {
            ids.add(top.articleId());
        }
        pinned.forEach(pick -> ids.add(pick.articleId()));
        return ids;
    }
}

package org.dateline.readership;

import java.util.List;

/**
 * A most-read list as last computed: the articles read most over the last 24 hours in an edition, or in one of its
 * sections, best first. It was live when the ranking was computed (at most a minute ago): a reader shows the live ones.
 *
 * @param sectionId {@link #WHOLE_EDITION} for the edition's list
 */
public record Ranking(String edition, long sectionId, List<Long> articleIds) {

    /** The section id of an edition's own list. */
    public static final long WHOLE_EDITION = 0;

    /** How many articles a list holds at most. */
    public static final int SIZE = 10;

    public Ranking {
        articleIds = List.copyOf(articleIds);
    }

    /** The surrogate key of the pages that show this list. */
    public String key() {
        return sectionId == WHOLE_EDITION ? MostReadKeys.edition(edition) : MostReadKeys.section(edition, sectionId);
    }
}

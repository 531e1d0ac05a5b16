package org.dateline.content;

import java.util.List;

import org.dateline.editions.Section;

/**
 * An edition's front page arrangement as readers may see it now: only the chosen stories that are live and of the
 * edition, and every section of the edition, those editors ordered first.
 *
 * @param top      the chosen top story, null when none is chosen or it left the site
 * @param sections every section of the edition in the order of its front's blocks
 */
public record LiveFront(String edition, Story top, List<Story> pinned, List<Section> sections) {

    /** A story the front shows, and the short headline it shows it with (null: its own). */
    public record Story(ArticleSummary article, String frontHeadline) {

        /** What the front calls it. */
        public String headline() {
            return frontHeadline == null ? article.headline() : frontHeadline;
        }
    }

    public LiveFront {
        pinned = List.copyOf(pinned);
        sections = List.copyOf(sections);
    }
}

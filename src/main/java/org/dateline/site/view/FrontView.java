package org.dateline.site.view;

import java.util.List;

/**
 * An edition's front page: the lead story, the secondary stories below it, and a block per section.
 *
 * @param lead      null only when the edition has no story at all
 * @param moreUrl   every story by time (the newsfeed page); null when there are none
 */
public record FrontView(Teaser lead, List<Teaser> secondary, List<SectionBlock> sections, String moreUrl) {

    /** A section's latest stories, under its heading, which links to the section. */
    public record SectionBlock(String id, String name, String path, List<Teaser> teasers) {
    }
}

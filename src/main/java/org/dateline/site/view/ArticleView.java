package org.dateline.site.view;

import java.util.List;

/**
 * The article as its page renders it.
 *
 * @param dateline     "MOSCOW, February 22 (RIA Novosti)"
 * @param bodyHtml     the body as safe HTML, the dateline opening its first paragraph ({@code Body.toHtml})
 * @param next         the next article of the section, for the loader and the no-JS link; may be null
 * @param translations the story in other editions
 * @param correction   the public correction note, or null
 */
public record ArticleView(long id, String url, String headline, String lead, String sectionName, String sectionUrl,
                          String dateline, String bodyHtml, List<Link> authors, List<Link> tags,
                          String published, String publishedLabel, String updated, String updatedLabel,
                          List<Link> translations, Link next, String correction, String corrected,
                          String correctedLabel) {
}

package org.dateline.site.view;

import java.util.List;

/**
 * The article as its page renders it.
 *
 * @param dateline     "MOSCOW, February 22 (RIA Novosti)"
 * @param leadPicture  the lead picture's figure as safe HTML, null when the story has none
 * @param bodyHtml     the body as safe HTML with its figures, the dateline opening its first paragraph
 * @param next         the next article of the section, for the loader and the no-JS link; may be null
 * @param translations the story in other editions
 * @param correction   the public correction note, or null
 */
public record ArticleView(long id, String url, String headline, String lead, String sectionName, String sectionUrl,
                          String dateline, String leadPicture, String bodyHtml, List<Link> authors, List<Link> tags,
                          String published, String publishedLabel, String updated, String updatedLabel,
                          List<Link> translations, Link next, String correction, String corrected,
                          String correctedLabel) {
}

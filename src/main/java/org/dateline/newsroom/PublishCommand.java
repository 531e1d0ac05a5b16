package org.dateline.newsroom;

import java.time.LocalDate;
import java.util.List;

/**
 * A story's fields as an entrance sends them. Unvalidated: the use case checks every field and names each problem.
 *
 * @param body          the body as markup ({@link org.dateline.content.Body}): blocks, or one text whose blocks are
 *                      separated by blank lines
 * @param datelineDate  the day the dateline names; today (UTC) when absent
 * @param translationOf the id of the same story in another edition, to link the two
 * @param leadPicture   the lead picture's id in the library, or {@code null} for none
 */
public record PublishCommand(String edition, String section, String headline, String lead, List<String> body,
                             String datelinePlace, LocalDate datelineDate, String credit, List<String> tags,
                             List<String> authors, String slug, Long translationOf, Long leadPicture) {

    public PublishCommand withLeadPicture(Long picture) {
        return new PublishCommand(edition, section, headline, lead, body, datelinePlace, datelineDate, credit, tags,
                authors, slug, translationOf, picture);
    }
}

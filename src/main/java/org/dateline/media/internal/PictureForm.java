package org.dateline.media.internal;

import org.dateline.media.Picture;
import org.dateline.media.PictureFields;

/**
 * A picture's page form as posted: its words and the focal point in thousandths (two number fields, or set by a click
 * on the picture); {@code confirmDelete} is the box to tick before Delete.
 */
public record PictureForm(String headline, String caption, String altText, String credit, String byline,
                          String copyright, String focalX, String focalY, String confirmDelete) {

    static PictureForm of(Picture picture) {
        return new PictureForm(picture.headline(), picture.caption(), picture.altText(), picture.credit(),
                picture.byline(), picture.copyright(), String.valueOf(picture.focalX()),
                String.valueOf(picture.focalY()), null);
    }

    /**
     * The fields for the update; a focal coordinate that is no whole number is sent as one the rules refuse, so the
     * page names it like any number out of range.
     */
    PictureFields fields() {
        return new PictureFields(headline, caption, altText, credit, byline, copyright, coordinate(focalX),
                coordinate(focalY));
    }

    private static Integer coordinate(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}

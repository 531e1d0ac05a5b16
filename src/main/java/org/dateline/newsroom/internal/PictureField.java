package org.dateline.newsroom.internal;

import java.util.Optional;

import org.dateline.media.Picture;
import org.dateline.media.PictureQueries;

/**
 * The story forms' picture field: a picture's id as typed or chosen in the picker. Anything but a whole number is no
 * picture (a number field sends nothing else); the id itself is checked by the story's rules on publication.
 */
final class PictureField {

    private PictureField() {
    }

    static Long id(String value) {
        if (value == null || !value.strip().matches("[1-9][0-9]{0,17}")) {
            return null;
        }
        return Long.valueOf(value.strip());
    }

    /** The picture the field names, to show beside it (its thumbnail and caption), if the library holds it. */
    static Optional<Picture> shown(String value, PictureQueries pictures) {
        Long id = id(value);
        return id == null ? Optional.empty() : pictures.find(id);
    }
}

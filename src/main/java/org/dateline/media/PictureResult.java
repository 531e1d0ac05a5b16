package org.dateline.media;

import java.util.List;

/** What a picture use case answers: done, rejected for its input, or refused for a reason with a stable code. */
public sealed interface PictureResult {

    /** The picture as stored now ({@code null} after a deletion). */
    record Done(Picture picture) implements PictureResult {
    }

    record Rejected(List<PictureProblem> problems) implements PictureResult {
        public Rejected {
            problems = List.copyOf(problems);
        }
    }

    /**
     * @param code {@code picture_not_found}, {@code forbidden}, {@code picture_in_use} (the message names the stories),
     *             {@code picture_withdrawn}
     */
    record Refused(String code, String message, List<PictureUse> uses) implements PictureResult {
        public Refused {
            uses = List.copyOf(uses);
        }

        static Refused of(String code, String message) {
            return new Refused(code, message, List.of());
        }
    }
}

package org.dateline.media.internal;

import java.util.ArrayList;
import java.util.List;

import org.dateline.media.PictureFields;
import org.dateline.media.PictureProblem;

/**
 * Checks a picture's fields: each is one line of text (whitespace collapsed, control characters refused), within its
 * length; the focal point lies in the picture. Every problem is named, none stored.
 */
public final class FieldRules {

    private FieldRules() {
    }

    /** The fields laid over the base (stored fields, or what the file said), checked. */
    public static Checked check(PictureFields given, ValidFields base) {
        List<PictureProblem> problems = new ArrayList<>();
        ValidFields fields = new ValidFields(
                text("headline", given.headline(), base.headline(), PictureFields.MAX_HEADLINE, problems),
                text("caption", given.caption(), base.caption(), PictureFields.MAX_CAPTION, problems),
                text("altText", given.altText(), base.altText(), PictureFields.MAX_ALT, problems),
                text("credit", given.credit(), base.credit(), PictureFields.MAX_CREDIT, problems),
                text("byline", given.byline(), base.byline(), PictureFields.MAX_BYLINE, problems),
                text("copyright", given.copyright(), base.copyright(), PictureFields.MAX_COPYRIGHT, problems),
                focal("focalX", given.focalX(), base.focalX(), problems),
                focal("focalY", given.focalY(), base.focalY(), problems));
        return new Checked(fields, problems);
    }

    /** Fields from a file's own words, cut to length rather than refused: a file is not a form to correct. */
    public static ValidFields fromFile(String headline, String caption, String credit, String byline,
                                       String copyright) {
        return new ValidFields(fit(headline, PictureFields.MAX_HEADLINE), fit(caption, PictureFields.MAX_CAPTION), "",
                fit(credit, PictureFields.MAX_CREDIT), fit(byline, PictureFields.MAX_BYLINE),
                fit(copyright, PictureFields.MAX_COPYRIGHT), 500, 500);
    }

    public record Checked(ValidFields fields, List<PictureProblem> problems) {
    }

    private static String text(String field, String given, String base, int max, List<PictureProblem> problems) {
        if (given == null) {
            return base;
        }
        for (int i = 0; i < given.length(); i++) {
            char c = given.charAt(i);
            if (Character.isISOControl(c) && !Character.isWhitespace(c)) {
                problems.add(new PictureProblem(field, "invalid_characters", "Remove the control characters."));
                return base;
            }
        }
        String value = oneLine(given);
        if (value.codePointCount(0, value.length()) > max) {
            problems.add(new PictureProblem(field, "too_long", "At most " + max + " characters."));
            return base;
        }
        return value;
    }

    private static int focal(String field, Integer given, int base, List<PictureProblem> problems) {
        if (given == null) {
            return base;
        }
        if (given < 0 || given > 1000) {
            problems.add(new PictureProblem(field, "out_of_range",
                    "The focal point is given in thousandths of the picture: 0 to 1000."));
            return base;
        }
        return given;
    }

    private static String fit(String text, int max) {
        if (text == null) {
            return "";
        }
        StringBuilder clean = new StringBuilder();
        text.codePoints().filter(c -> !Character.isISOControl(c) || Character.isWhitespace(c))
                .forEach(clean::appendCodePoint);
        String value = oneLine(clean.toString());
        return value.codePointCount(0, value.length()) <= max ? value
                : value.substring(0, value.offsetByCodePoints(0, max));
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}

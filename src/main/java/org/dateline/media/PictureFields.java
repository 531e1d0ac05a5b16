package org.dateline.media;

/**
 * The editable fields of a picture. In an upload, a {@code null} field takes what the file says (IPTC, XMP), else
 * stays empty; in an update, {@code null} keeps the stored value.
 *
 * @param focalX per mille of the displayed width, 0 to 1000
 * @param focalY per mille of the displayed height, 0 to 1000
 */
public record PictureFields(String headline, String caption, String altText, String credit, String byline,
                            String copyright, Integer focalX, Integer focalY) {

    public static final int MAX_HEADLINE = 300;
    public static final int MAX_CAPTION = 2000;
    public static final int MAX_ALT = 500;
    public static final int MAX_CREDIT = 200;
    public static final int MAX_BYLINE = 200;
    public static final int MAX_COPYRIGHT = 300;

    public static PictureFields none() {
        return new PictureFields(null, null, null, null, null, null, null, null);
    }
}

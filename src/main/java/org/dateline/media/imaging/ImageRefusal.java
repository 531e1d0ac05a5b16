package org.dateline.media.imaging;

/**
 * A refusal of a file, with a stable code: {@code empty_file}, {@code too_large}, {@code unsupported_type},
 * {@code svg_refused}, {@code type_mismatch}, {@code too_many_pixels}, {@code corrupt_image}. The message is for
 * people (English) and names no library class.
 */
public final class ImageRefusal extends Exception {

    public static final String EMPTY_FILE = "empty_file";
    public static final String TOO_LARGE = "too_large";
    public static final String UNSUPPORTED_TYPE = "unsupported_type";
    public static final String SVG_REFUSED = "svg_refused";
    public static final String TYPE_MISMATCH = "type_mismatch";
    public static final String TOO_MANY_PIXELS = "too_many_pixels";
    public static final String CORRUPT_IMAGE = "corrupt_image";

    private static final long serialVersionUID = 1L;

    private final String code;

    public ImageRefusal(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}

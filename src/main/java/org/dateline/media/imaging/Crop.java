package org.dateline.media.imaging;

import java.util.Optional;

/** Crops: the original's aspect, or a fixed aspect placed around the focal point. URL token in brackets. */
public enum Crop {
    ORIGINAL("o", 0, 0),
    WIDE("16x9", 16, 9),
    STANDARD("4x3", 4, 3),
    SQUARE("1x1", 1, 1);

    private final String token;
    private final int aspectWidth;
    private final int aspectHeight;

    Crop(String token, int aspectWidth, int aspectHeight) {
        this.token = token;
        this.aspectWidth = aspectWidth;
        this.aspectHeight = aspectHeight;
    }

    public String token() {
        return token;
    }

    /** The crop a URL token names, exactly as {@link #token()} writes it; empty for any other. */
    public static Optional<Crop> byToken(String t) {
        for (Crop crop : values()) {
            if (crop.token.equals(t)) {
                return Optional.of(crop);
            }
        }
        return Optional.empty();
    }

    /** Width and height of the largest crop of this aspect inside a w x h picture (ORIGINAL: w x h). */
    public int[] cropSize(int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("a picture has at least one pixel each way: " + width + "x" + height);
        }
        if (this == ORIGINAL) {
            return new int[] {width, height};
        }
        // Wider than the aspect: full height, width from it; otherwise full width. Rounded down so it fits.
        if ((long) width * aspectHeight >= (long) height * aspectWidth) {
            int w = (int) Math.max(1, (long) height * aspectWidth / aspectHeight);
            return new int[] {w, height};
        }
        int h = (int) Math.max(1, (long) width * aspectHeight / aspectWidth);
        return new int[] {width, h};
    }
}

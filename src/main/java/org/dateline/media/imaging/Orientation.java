package org.dateline.media.imaging;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;

/**
 * EXIF orientation (1 to 8): how the stored pixels turn into the picture as displayed. Renditions are cropped and
 * scaled in stored pixels (so only the part needed is decoded) and turned at the end, when they are small.
 */
final class Orientation {

    private Orientation() {
    }

    /** 1 for anything outside 1..8, as viewers do. */
    static int normalise(Integer exif) {
        return exif == null || exif < 1 || exif > 8 ? 1 : exif;
    }

    /** Orientations 5 to 8 turn the picture a quarter: width and height swap. */
    static boolean swapsSides(int orientation) {
        return orientation >= 5;
    }

    /** The stored pixels' rectangle behind a rectangle of the displayed picture (dw x dh displayed). */
    static Rectangle storedRegion(int orientation, int dw, int dh, Rectangle displayed) {
        int[] a = stored(orientation, dw, dh, displayed.x, displayed.y);
        int[] b = stored(orientation, dw, dh, displayed.x + displayed.width - 1, displayed.y + displayed.height - 1);
        int x = Math.min(a[0], b[0]);
        int y = Math.min(a[1], b[1]);
        return new Rectangle(x, y, Math.abs(a[0] - b[0]) + 1, Math.abs(a[1] - b[1]) + 1);
    }

    /** The image as displayed, from an image in stored orientation. */
    static BufferedImage apply(int orientation, BufferedImage image) {
        if (orientation == 1) {
            return image;
        }
        int sw = image.getWidth();
        int sh = image.getHeight();
        int dw = swapsSides(orientation) ? sh : sw;
        int dh = swapsSides(orientation) ? sw : sh;
        int[] source = image.getRGB(0, 0, sw, sh, null, 0, sw);
        int[] target = new int[dw * dh];
        for (int y = 0; y < dh; y++) {
            for (int x = 0; x < dw; x++) {
                int[] s = stored(orientation, dw, dh, x, y);
                target[y * dw + x] = source[s[1] * sw + s[0]];
            }
        }
        BufferedImage turned = new BufferedImage(dw, dh, image.getColorModel().hasAlpha()
                ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        turned.setRGB(0, 0, dw, dh, target, 0, dw);
        return turned;
    }

    /** The stored pixel shown at displayed (x, y) of a dw x dh displayed picture. */
    private static int[] stored(int orientation, int dw, int dh, int x, int y) {
        return switch (orientation) {
            case 2 -> new int[] {dw - 1 - x, y};
            case 3 -> new int[] {dw - 1 - x, dh - 1 - y};
            case 4 -> new int[] {x, dh - 1 - y};
            case 5 -> new int[] {y, x};
            case 6 -> new int[] {y, dw - 1 - x};
            case 7 -> new int[] {dh - 1 - y, dw - 1 - x};
            case 8 -> new int[] {dh - 1 - y, x};
            default -> new int[] {x, y};
        };
    }
}

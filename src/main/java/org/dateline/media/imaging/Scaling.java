package org.dateline.media.imaging;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;

/**
 * Pixels into sRGB and down to size. Scaling halves with bilinear filtering until the next halving would pass the
 * target, then takes the last step: each step averages neighbours, so detail does not alias as it would in one big
 * step, at a fraction of the cost of a wide filter.
 */
final class Scaling {

    private Scaling() {
    }

    /**
     * The image in sRGB. A decoder hands back pixels in the file's own colour space when it has an ICC profile
     * (TwelveMonkeys already turns CMYK and YCCK into RGB); Java's built-in grey is drawn as is, as browsers show it.
     */
    static BufferedImage toSrgb(BufferedImage image) {
        ColorSpace space = image.getColorModel().getColorSpace();
        if (space.isCS_sRGB() || space == ColorSpace.getInstance(ColorSpace.CS_GRAY)) {
            return image;
        }
        BufferedImage srgb = new BufferedImage(image.getWidth(), image.getHeight(),
                image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        new ColorConvertOp(null).filter(image, srgb);
        return srgb;
    }

    /**
     * The image at width x height (never larger than it is), with its alpha kept, or flattened on white when
     * {@code keepAlpha} is false.
     */
    static BufferedImage scale(BufferedImage source, int width, int height, boolean keepAlpha) {
        boolean alpha = keepAlpha && source.getColorModel().hasAlpha();
        boolean flatten = !alpha && source.getColorModel().hasAlpha();
        int type = alpha ? BufferedImage.TYPE_INT_ARGB_PRE : BufferedImage.TYPE_INT_RGB;
        BufferedImage current = source;
        int w = source.getWidth();
        int h = source.getHeight();
        boolean first = true;
        do {
            w = w / 2 >= width ? w / 2 : width;
            h = h / 2 >= height ? h / 2 : height;
            current = draw(current, w, h, type, first && flatten);
            first = false;
        } while (w != width || h != height);
        return current;
    }

    private static BufferedImage draw(BufferedImage source, int width, int height, int type, boolean onWhite) {
        BufferedImage target = new BufferedImage(width, height, type);
        Graphics2D g = target.createGraphics();
        try {
            if (onWhite) {
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, width, height);
            }
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return target;
    }
}

package org.dateline.media;

import org.dateline.media.imaging.Crop;
import org.dateline.media.imaging.OutputFormat;

/**
 * A picture as the newsroom's grids and pickers show it: a square thumbnail around its focal point (every width, JPEG
 * and WebP), its words, and whether it still lacks the alt text a story needs before it is published.
 *
 * @param page  the picture's page in the newsroom
 * @param src   the smallest square JPEG, for browsers that read no {@code srcset}
 * @param width the thumbnail's width and height as {@code src} has them (for the layout before it loads)
 */
public record PictureCard(long id, String page, String label, String headline, String caption, String altText,
                          String credit, int pictureWidth, int pictureHeight, String src, String srcset,
                          String webpSrcset, int width, int height, boolean altMissing) {

    public static PictureCard of(Picture picture) {
        int w = picture.widths(Crop.SQUARE).get(0);
        return new PictureCard(picture.id(), "/newsroom/pictures/" + picture.id(), label(picture), picture.headline(),
                picture.caption(), picture.altText(), picture.creditLine(), picture.width(), picture.height(),
                picture.path(Crop.SQUARE, w, OutputFormat.JPEG), picture.srcset(Crop.SQUARE, OutputFormat.JPEG),
                picture.srcset(Crop.SQUARE, OutputFormat.WEBP), w, picture.heightAt(Crop.SQUARE, w),
                picture.altText().isBlank());
    }

    /** What names the picture in a list: its caption, else its headline, else its file name, else its number. */
    public static String label(Picture picture) {
        for (String text : new String[] {picture.caption(), picture.headline(), picture.fileName()}) {
            if (text != null && !text.isBlank()) {
                return text;
            }
        }
        return "Picture " + picture.id();
    }
}

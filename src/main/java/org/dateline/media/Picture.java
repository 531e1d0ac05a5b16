package org.dateline.media;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.dateline.media.imaging.Crop;
import org.dateline.media.imaging.OutputFormat;

/**
 * A picture of the library as every surface shows it.
 *
 * @param originalKey the first 32 hex digits of the original's SHA-256: every rendition's URL starts with it, so a
 *                    URL names bytes that never change ({@code Cache-Control: immutable})
 * @param width       displayed width of the original (its orientation applied)
 * @param focalX      the focal point, per mille of the width (500: the middle); crops keep it in frame
 * @param altText     what the picture shows, for readers who cannot see it; required before a story shows it
 * @param takenAt     when the picture was made, as the file or the provider says; {@code null} when unknown
 * @param source      {@code upload}, or {@code wire:<source name>}
 */
public record Picture(long id, String originalKey, String mediaType, int width, int height, long byteSize,
                      String fileName, String headline, String caption, String altText, String credit, String byline,
                      String copyright, int focalX, int focalY, Instant takenAt, Instant createdAt, Instant updatedAt,
                      Long createdBy, String createdByName, String source, String wireGuid, Long wireVersion, PictureState state) {

    /** The widths renditions are made in; a picture narrower than one of them also has its own width. */
    public static final List<Integer> WIDTHS = List.of(320, 640, 960, 1280, 1920);
    /**
     * A width made only for thumbnails (teasers, the newsfeed), besides {@link #WIDTHS}: a 3-to-10-em thumbnail on a
     * dense screen needs no more, and a list of twenty weighs a third of what 320-pixel ones would.
     */
    public static final int THUMBNAIL_WIDTH = 160;
    /** What the share previews of social networks and search engines ask for: at least this wide. */
    public static final int LARGE_WIDTH = 1200;
    /** Where rendition URLs start; served by the media module's filter, ahead of the rest of the application. */
    public static final String PATH_PREFIX = "/pictures/";

    /** A change-log key naming the bytes of a picture that left the library, so that nodes drop its renditions. */
    public static final String ORIGINAL_KEY_PREFIX = "original:";

    /** The surrogate key of pages that show this picture. */
    public static String key(long pictureId) {
        return "picture:" + pictureId;
    }

    public String key() {
        return key(id);
    }

    /** Width and height of the picture in this crop, at full size. */
    public int[] cropSize(Crop crop) {
        return crop.cropSize(width, height);
    }

    /** The widths this crop is made in, smallest first: the standard ones below its full width, and that width. */
    public List<Integer> widths(Crop crop) {
        int full = cropSize(crop)[0];
        List<Integer> widths = new ArrayList<>();
        for (int standard : WIDTHS) {
            if (standard < full) {
                widths.add(standard);
            }
        }
        if (full <= WIDTHS.get(WIDTHS.size() - 1)) {
            widths.add(full);
        }
        return widths;
    }

    /** Whether a rendition of the crop is made at this width: one of {@link #widths}, or the thumbnail's. */
    public boolean offers(Crop crop, int renditionWidth) {
        return widths(crop).contains(renditionWidth)
                || renditionWidth == THUMBNAIL_WIDTH && cropSize(crop)[0] > THUMBNAIL_WIDTH;
    }

    /** One rendition of the crop: its size, format and path. */
    public PictureRendition rendition(Crop crop, int renditionWidth, OutputFormat format) {
        return new PictureRendition(crop, renditionWidth, heightAt(crop, renditionWidth), format,
                path(crop, renditionWidth, format));
    }

    /** The narrowest JPEG of the crop at least {@link #LARGE_WIDTH} wide, if the picture is that large. */
    public Optional<PictureRendition> large(Crop crop) {
        return widths(crop).stream().filter(w -> w >= LARGE_WIDTH).findFirst()
                .map(w -> rendition(crop, w, OutputFormat.JPEG));
    }

    /**
     * The one rendition to share where a single picture goes (Open Graph, a feed's enclosure, the image sitemap):
     * 16:9 at least {@link #LARGE_WIDTH} wide when there is one, else the original's aspect at its largest, JPEG.
     */
    public PictureRendition shared() {
        return large(Crop.WIDE).orElseGet(() -> rendition(Crop.ORIGINAL, largestWidth(Crop.ORIGINAL),
                OutputFormat.JPEG));
    }

    /** The height of a rendition of this crop at a width, as the renderer makes it. */
    public int heightAt(Crop crop, int renditionWidth) {
        int[] size = cropSize(crop);
        return Math.max(1, (int) Math.round((double) size[1] * renditionWidth / size[0]));
    }

    /** The path of one rendition, e.g. {@code /pictures/3f…/16x9-500-380/640.webp}. */
    public String path(Crop crop, int renditionWidth, OutputFormat format) {
        return PATH_PREFIX + originalKey + "/" + cropToken(crop) + "/" + renditionWidth + "." + format.extension();
    }

    /** The crop's part of a rendition path: the focal point is in it, so a moved point makes new URLs. */
    public String cropToken(Crop crop) {
        return crop == Crop.ORIGINAL ? crop.token() : crop.token() + "-" + focalX + "-" + focalY;
    }

    /** A {@code srcset} value of every width of the crop, relative paths. */
    public String srcset(Crop crop, OutputFormat format) {
        return srcset(crop, widths(crop), format);
    }

    /** A {@code srcset} value of these widths of the crop, relative paths. */
    public String srcset(Crop crop, List<Integer> renditionWidths, OutputFormat format) {
        return renditionWidths.stream().map(w -> path(crop, w, format) + " " + w + "w")
                .collect(Collectors.joining(", "));
    }

    /** The widths of a small picture in lists: the thumbnail's (when the crop is wider) and the crop's up to a bound. */
    public List<Integer> thumbnailWidths(Crop crop, int atMost) {
        List<Integer> widths = new ArrayList<>();
        if (offers(crop, THUMBNAIL_WIDTH)) {
            widths.add(THUMBNAIL_WIDTH);
        }
        for (int w : widths(crop)) {
            if (w <= atMost || widths.isEmpty()) {
                widths.add(w);
            }
        }
        return widths;
    }

    /** The smallest square JPEG: the thumbnail of rows as dense as the newsfeed's. */
    public PictureRendition squareThumbnail() {
        return rendition(Crop.SQUARE, thumbnailWidths(Crop.SQUARE, 0).get(0), OutputFormat.JPEG);
    }

    /** The largest rendition of the crop not wider than {@code atMost}, or the smallest one. */
    public int widthUpTo(Crop crop, int atMost) {
        List<Integer> widths = widths(crop);
        int chosen = widths.get(0);
        for (int w : widths) {
            if (w <= atMost) {
                chosen = w;
            }
        }
        return chosen;
    }

    /** The largest rendition width of the crop. */
    public int largestWidth(Crop crop) {
        List<Integer> widths = widths(crop);
        return widths.get(widths.size() - 1);
    }

    /** Credit and byline as one line, for captions: "Jane Roe / Agency", or whichever is given. */
    public String creditLine() {
        if (byline.isBlank()) {
            return credit;
        }
        if (credit.isBlank() || credit.equalsIgnoreCase(byline)) {
            return byline;
        }
        return byline + " / " + credit;
    }

    public boolean usable() {
        return state == PictureState.ACTIVE;
    }
}

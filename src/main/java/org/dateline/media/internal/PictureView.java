package org.dateline.media.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import org.dateline.media.Picture;
import org.dateline.media.PictureUse;
import org.dateline.media.imaging.Crop;
import org.dateline.media.imaging.OutputFormat;

/**
 * A picture's page in the newsroom: the picture in its own aspect to set the focal point on, its crops as stories
 * show them, the stories that show it, and whether the viewer may delete it.
 *
 * @param large the picture in its own aspect, up to 1280 wide
 */
public record PictureView(Picture picture, CropView large, List<CropView> crops, List<PictureUse> uses,
                          boolean canDelete) {

    /** One crop of the picture: its name, the aspect's token, a JPEG with every width, its size at {@code src}. */
    public record CropView(String name, String token, String src, String srcset, int width, int height) {

        static CropView of(Picture picture, Crop crop, String name, int atMost) {
            int w = picture.widthUpTo(crop, atMost);
            return new CropView(name, crop.token(), picture.path(crop, w, OutputFormat.JPEG),
                    picture.srcset(crop, OutputFormat.JPEG), w, picture.heightAt(crop, w));
        }
    }

    static PictureView of(Picture picture, List<PictureUse> uses, boolean canDelete) {
        return new PictureView(picture, CropView.of(picture, Crop.ORIGINAL, "Original", 1280), crops(picture), uses,
                canDelete);
    }

    static List<CropView> crops(Picture picture) {
        return List.of(CropView.of(picture, Crop.WIDE, "16:9", 640), CropView.of(picture, Crop.STANDARD, "4:3", 640),
                CropView.of(picture, Crop.SQUARE, "1:1", 640));
    }

    /** The marker's circle: a radius that reads at any size of the picture, in its own pixels. */
    public int markerRadius() {
        return Math.max(4, Math.max(picture.width(), picture.height()) / 28);
    }

    public int markerX() {
        return (int) Math.round(picture.focalX() / 1000.0 * picture.width());
    }

    public int markerY() {
        return (int) Math.round(picture.focalY() / 1000.0 * picture.height());
    }

    /** The file's weight for people: "2.4 MB", "830 KB". */
    public String weight() {
        long bytes = picture.byteSize();
        if (bytes >= 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
        }
        return Math.max(1, Math.round(bytes / 1024.0)) + " KB";
    }

    /** A time for a {@code datetime} attribute: whole seconds, UTC. */
    public static String machine(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** A time for people: "2026-05-04 13:07 UTC". */
    public static String human(Instant at) {
        return machine(at).substring(0, 16).replace('T', ' ') + " UTC";
    }

    /** Where it came from, in words: an upload, or a wire source. */
    public String sourceName() {
        return picture.source().startsWith("wire:") ? "Wire: " + picture.source().substring(5) : "Upload";
    }
}

package org.dateline.media.internal;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dateline.media.Picture;
import org.dateline.media.imaging.Crop;
import org.dateline.media.imaging.OutputFormat;

/**
 * A rendition's address, {@code /pictures/<original key>/<crop>/<width>.<format>}, read strictly: anything else is no
 * rendition. The crop is {@code o} (the original's aspect) or an aspect with the focal point,
 * {@code 16x9-500-380}.
 */
public record RenditionPath(String originalKey, Crop crop, String cropToken, int width, OutputFormat format) {

    private static final Pattern PATH = Pattern.compile(
            "/pictures/([0-9a-f]{32})/((o)|([0-9]{1,2}x[0-9]{1,2})-([0-9]{1,4})-([0-9]{1,4}))/([0-9]{1,5})\\.([a-z]{3,4})");

    public static Optional<RenditionPath> parse(String uri) {
        Matcher m = PATH.matcher(uri);
        if (!m.matches()) {
            return Optional.empty();
        }
        Optional<Crop> crop = Crop.byToken(m.group(3) != null ? m.group(3) : m.group(4));
        Optional<OutputFormat> format = OutputFormat.byExtension(m.group(8));
        if (crop.isEmpty() || format.isEmpty()) {
            return Optional.empty();
        }
        int width = Integer.parseInt(m.group(7));
        if (width < 1) {
            return Optional.empty();
        }
        return Optional.of(new RenditionPath(m.group(1), crop.get(), m.group(2), width, format.get()));
    }

    /** Where the rendition lies in a node's cache folder, relative: {@code <key>/<crop>/<width>.<ext>}. */
    public String relative() {
        return originalKey + "/" + cropToken + "/" + width + "." + format.extension();
    }

    /** Whether the picture offers this rendition: its crop as it is now, and one of its widths or the thumbnail's. */
    public boolean offeredBy(Picture picture) {
        return picture.originalKey().equals(originalKey) && picture.cropToken(crop).equals(cropToken)
                && picture.offers(crop, width);
    }

    @Override
    public String toString() {
        return Picture.PATH_PREFIX + relative();
    }
}

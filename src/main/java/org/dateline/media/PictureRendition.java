package org.dateline.media;

import org.dateline.media.imaging.Crop;
import org.dateline.media.imaging.OutputFormat;

/**
 * One rendition of a picture as a surface names it: crop, size, format and its path under
 * {@link Picture#PATH_PREFIX} (relative; surfaces outside the site make it absolute).
 */
public record PictureRendition(Crop crop, int width, int height, OutputFormat format, String path) {

    public String contentType() {
        return format.contentType();
    }
}

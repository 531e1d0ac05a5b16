package org.dateline.media.imaging;

/**
 * One rendition of a picture: the crop, its focal point (0..1 of the displayed picture, from the left and from the
 * top), the width in pixels and the format.
 */
public record RenditionRequest(Crop crop, double focalX, double focalY, int width, OutputFormat format) {

    public RenditionRequest {
        if (crop == null || format == null) {
            throw new IllegalArgumentException("a rendition needs a crop and a format");
        }
        if (!(focalX >= 0 && focalX <= 1 && focalY >= 0 && focalY <= 1)) {
            throw new IllegalArgumentException("the focal point lies within 0..1 each way: " + focalX + ", " + focalY);
        }
        if (width < 1) {
            throw new IllegalArgumentException("a rendition is at least one pixel wide: " + width);
        }
    }
}

package org.dateline.media.imaging;

/**
 * A file that passed inspection: its type from its bytes, its size as displayed (EXIF orientation applied), the
 * EXIF orientation (1 to 8; 1 when the file has none) and what it says about itself.
 */
public record InspectedImage(ImageType type, int width, int height, int orientation, EmbeddedMetadata metadata) {
}

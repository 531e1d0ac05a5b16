package org.dateline.media.imaging;

/** An encoded rendition and its size in pixels. */
public record Rendition(byte[] bytes, String contentType, int width, int height) {
}

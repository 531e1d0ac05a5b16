package org.dateline.site.view;

/**
 * A small picture of a list item (teaser, newsfeed row), decorative beside its headline's link, so it has no alt
 * text. Paths are relative.
 *
 * @param src        the JPEG fallback
 * @param srcset     JPEG widths, for {@code img}
 * @param webpSrcset WebP widths, for a {@code source}; null when only the JPEG is given
 * @param sizes      the {@code sizes} of both sets; null with a single width
 * @param width      intrinsic width of {@code src}: with the height it reserves the box before the bytes arrive
 * @param lazy       below the fold: fetched when the reader scrolls near it
 */
public record Thumbnail(String src, String srcset, String webpSrcset, String sizes, int width, int height,
                        boolean lazy) {
}

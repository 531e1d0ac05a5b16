package org.dateline.wire;

/**
 * One rendition of a wire picture the provider offers, by address.
 *
 * @param href        an absolute http or https address: as the provider wrote it, or a relative one resolved against
 *                    the document's own http(s) address; never another scheme
 * @param contentType the media type in lower case without parameters ({@code image/jpg} and {@code image/pjpeg} read
 *                    as {@code image/jpeg}); for feeds, told by the address's extension when the feed says none;
 *                    {@code null} when unknown
 * @param width       in pixels, {@code null} when not said
 * @param height      in pixels, {@code null} when not said
 * @param name        the provider's name for the rendition (NewsML-G2 rendition code such as {@code highRes}, the
 *                    ninjs rendition name, {@code thumbnail} for a feed's thumbnail), or {@code null}
 */
public record WireRendition(String href, String contentType, Integer width, Integer height, String name) {

    /** Whether Dateline would fetch this rendition as a picture: JPEG, PNG or WebP. */
    public boolean isFetchableImage() {
        return "image/jpeg".equals(contentType) || "image/png".equals(contentType) || "image/webp".equals(contentType);
    }
}

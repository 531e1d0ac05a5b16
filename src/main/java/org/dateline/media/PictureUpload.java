package org.dateline.media;

/**
 * An upload: the file's bytes as they came, what the sender said they are, and the fields the sender gave.
 *
 * @param contentType the declared type (a multipart part's or the request's); {@code null} when none was said
 * @param fileName    the file's name as sent; its extension must agree with the bytes; may be {@code null}
 * @param source      {@code upload}, or {@code wire:<source>} for the wire
 * @param wireGuid    the provider's id of a wire picture, else {@code null}
 */
public record PictureUpload(byte[] bytes, String contentType, String fileName, PictureFields fields, String source,
                            String wireGuid, Long wireVersion) {

    public static PictureUpload of(byte[] bytes, String contentType, String fileName, PictureFields fields) {
        return new PictureUpload(bytes, contentType, fileName, fields, "upload", null, null);
    }
}

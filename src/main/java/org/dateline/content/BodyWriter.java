package org.dateline.content;

/**
 * Where {@link Body#render(BodyWriter, String)} writes a body's elements: an HTML string, an XHTML stream. Element
 * names are HTML's; text is unescaped, the writer escapes it for its output.
 */
public interface BodyWriter {

    /** Opens an element; {@code attributes} are name, value pairs. */
    void start(String element, String... attributes);

    void text(String text);

    void end(String element);

    /** An element without content ({@code br}). */
    void empty(String element);

    /**
     * A picture the body places ({@code ![caption](picture:<id>)} alone in a paragraph); {@code caption} is the one
     * written there, empty for the picture's own. Writers that show no pictures leave it out.
     */
    default void figure(long pictureId, String caption) {
    }
}

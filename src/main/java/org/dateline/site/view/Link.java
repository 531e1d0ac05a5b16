package org.dateline.site.view;

/** A link as templates render it. {@code hreflang} and {@code type} may be null. */
public record Link(String href, String text, String hreflang, String type) {

    public static Link of(String href, String text) {
        return new Link(href, text, null, null);
    }
}

package org.dateline.media.internal;

/** A picture's editable fields after checking: trimmed, none {@code null}, the focal point in 0..1000. */
public record ValidFields(String headline, String caption, String altText, String credit, String byline, String copyright,
                   int focalX, int focalY) {
}

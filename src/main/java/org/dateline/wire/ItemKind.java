package org.dateline.wire;

/**
 * What a text item carries: a {@code COMPOSITE} is a story whose text arrived with associated media (ninjs
 * {@code composite} with a body). Pictures are {@link WirePicture}s, not items; video, a package alone and the like
 * become {@code unsupported_content} errors.
 */
public enum ItemKind {
    TEXT,
    COMPOSITE
}

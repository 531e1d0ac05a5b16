package org.dateline.wire;

/**
 * What an item carries. The parsers hand out text only: a {@code COMPOSITE} is a story whose text arrived with
 * associated media (ninjs {@code composite} with a body); pictures, video, packages and the like become
 * {@code unsupported_content} errors instead.
 */
public enum ItemKind {
    TEXT,
    COMPOSITE
}

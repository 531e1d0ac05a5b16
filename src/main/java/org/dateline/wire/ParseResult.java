package org.dateline.wire;

import java.util.List;

/**
 * What a document yielded: the text items read, the pictures delivered as items of their own, and, separately,
 * every item or document that could not be read.
 */
public record ParseResult(List<WireItem> items, List<WirePicture> pictures, List<ParseError> errors) {

    public ParseResult {
        items = List.copyOf(items);
        pictures = List.copyOf(pictures);
        errors = List.copyOf(errors);
    }

    /** Text items and errors, no pictures. */
    public ParseResult(List<WireItem> items, List<ParseError> errors) {
        this(items, List.of(), errors);
    }

    static ParseResult failed(String ref, String code, String message) {
        return new ParseResult(List.of(), List.of(new ParseError(ref, code, message)));
    }
}

package org.dateline.wire;

import java.util.List;

/** What a document yielded: the items read and, separately, every item or document that could not be read. */
public record ParseResult(List<WireItem> items, List<ParseError> errors) {

    public ParseResult {
        items = List.copyOf(items);
        errors = List.copyOf(errors);
    }

    static ParseResult failed(String ref, String code, String message) {
        return new ParseResult(List.of(), List.of(new ParseError(ref, code, message)));
    }
}

package org.dateline.platform.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Reads the text of a request body as Jackson does, but refuses text with a NUL (U+0000, {@code "\\u0000"} in JSON):
 * no field can hold one, and PostgreSQL fails any query that carries one, even a lookup. {@link ApiErrors} answers
 * {@code invalid_request} naming the field, code {@code invalid_characters}.
 */
public final class TextWithoutNul extends StringDeserializer {

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) {
        String text = super.deserialize(parser, context);
        if (text != null && text.indexOf(0) >= 0) {
            throw new Refused(parser);
        }
        return text;
    }

    /** The refusal, told apart from a value of the wrong type. */
    static final class Refused extends MismatchedInputException {

        Refused(JsonParser parser) {
            super(parser, "Text holds a NUL character", String.class);
        }
    }
}

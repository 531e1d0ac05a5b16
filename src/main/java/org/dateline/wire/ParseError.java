package org.dateline.wire;

/**
 * Why an item, or a whole document, was not read. The code is the contract; the message is for people.
 *
 * @param itemRef the item's guid when known, else the source name with the item's position ({@code name#3}), or
 *                the source name alone for a document-level problem
 */
public record ParseError(String itemRef, String code, String message) {

    /** The stable error codes. */
    public static final class Codes {
        /** Not well-formed XML. */
        public static final String MALFORMED_XML = "malformed_xml";
        /** Not well-formed JSON. */
        public static final String MALFORMED_JSON = "malformed_json";
        /** Neither the content type nor the document's root says which format this is. */
        public static final String UNKNOWN_FORMAT = "unknown_format";
        /** A document type declaration: refused, so that no entity is ever expanded or fetched (XXE). */
        public static final String DOCTYPE_REFUSED = "doctype_refused";
        /** Larger than the parser accepts. */
        public static final String TOO_LARGE = "too_large";
        /** Nested deeper than any real copy ({@code Nesting.MAX_DEPTH} levels): the item, or the document. */
        public static final String TOO_DEEP = "too_deep";
        /**
         * Bytes that are not text in the document's encoding: UTF-8 unless it declares another (JSON is always
         * UTF-8), or an encoding that is not known.
         */
        public static final String INVALID_ENCODING = "invalid_encoding";
        public static final String MISSING_GUID = "missing_guid";
        public static final String MISSING_HEADLINE = "missing_headline";
        /**
         * Neither a text story nor a picture (video, audio, concept, event, planning, a package without its text
         * items), or a body in a format not read.
         */
        public static final String UNSUPPORTED_CONTENT = "unsupported_content";
        /** Required structure is missing or a value is outside its vocabulary. */
        public static final String SCHEMA_INVALID = "schema_invalid";

        private Codes() {
        }
    }
}

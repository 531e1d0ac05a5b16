package org.dateline.search;

/** Why a search was not run: the code is the contract (API problem {@code code}), the message is for people. */
public enum SearchRefusal {
    QUERY_TOO_LONG("query_too_long", "The query is longer than " + SearchQueries.MAX_QUERY_LENGTH + " characters."),
    BAD_CURSOR("bad_cursor", "The cursor is not one this search gave out.");

    private final String code;
    private final String message;

    SearchRefusal(String code, String message) {
        this.code = code;
        this.message = message;
    }

    public String code() {
        return code;
    }

    public String message() {
        return message;
    }
}

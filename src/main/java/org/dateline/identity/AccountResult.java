package org.dateline.identity;

import java.util.List;

/** The outcome of creating an account: done, or the problems a person can act on. */
public sealed interface AccountResult {

    record Done(Account account) implements AccountResult {
    }

    /** Each problem names the form field it belongs to and a stable code. */
    record Refused(List<Problem> problems) implements AccountResult {
    }

    record Problem(String field, String code, String message) {
    }
}

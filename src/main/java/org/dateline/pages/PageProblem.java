package org.dateline.pages;

/** One problem with one field of an edit: a stable code for programs, a message for people. */
public record PageProblem(String field, String code, String message) {
}

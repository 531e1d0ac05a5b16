package org.dateline.newsroom;

/** One problem with one field of a command: a stable code for programs, a message for people. */
public record FieldProblem(String field, String code, String message) {
}

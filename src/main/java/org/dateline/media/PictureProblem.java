package org.dateline.media;

/**
 * One problem with an upload or an edit: the field ({@code file} for the bytes), a stable code for programs and a
 * message for people.
 */
public record PictureProblem(String field, String code, String message) {
}

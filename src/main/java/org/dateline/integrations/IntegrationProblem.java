package org.dateline.integrations;

/** One problem with one field of a new integration: a stable code for programs, a message for people. */
public record IntegrationProblem(String field, String code, String message) {
}

package org.dateline.identity;

/** Who is acting in a request: the authenticated account's id, name and role. Use cases check policy against it. */
public record Actor(long accountId, String email, String displayName, Role role) implements java.io.Serializable {
}

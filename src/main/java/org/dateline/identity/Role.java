package org.dateline.identity;

/** What an account may do. Staff roles are ordered: each includes what the ones before it may do in the newsroom. */
public enum Role {
    READER, CONTRIBUTOR, MODERATOR, EDITOR, ADMIN;

    public boolean isStaff() {
        return this != READER;
    }

    /** The Spring Security authority of this role. */
    public String authority() {
        return "ROLE_" + name();
    }
}

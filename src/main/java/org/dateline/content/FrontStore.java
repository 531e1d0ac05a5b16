package org.dateline.content;

/** Stores the arrangement of a front page. Only the newsroom's use case calls it, inside its transaction. */
public interface FrontStore {

    /** Replaces the edition's whole arrangement with this one. */
    void replace(FrontArrangement arrangement);
}

package org.dateline.content;

/** Reads the stored arrangement of an edition's front page (the site's home page, the newsroom's front screen). */
public interface FrontQueries {

    /** The arrangement as stored, the empty one when editors never set one. */
    FrontArrangement arrangement(String edition);

    /** The arrangement as readers may see it now: stories that left the site or the edition are skipped. */
    LiveFront live(String edition);
}

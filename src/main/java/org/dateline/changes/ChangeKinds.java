package org.dateline.changes;

/** The kinds of change the log carries. Strings, so that a newer node's kinds pass through an older node. */
public final class ChangeKinds {

    /** An article became public for the first time. */
    public static final String ARTICLE_PUBLISHED = "article.published";
    /** A public article changed (update, correction, slug or section change). */
    public static final String ARTICLE_UPDATED = "article.updated";
    /** A public article left the site (unpublished or killed). */
    public static final String ARTICLE_REMOVED = "article.removed";
    /**
     * A live article was marked breaking news or its mark ended (subject: the article id, with its edition). No keys:
     * cached pages stay as they are, since the breaking bar reaches open pages over the newsfeed stream.
     */
    public static final String ARTICLE_BREAKING = "article.breaking";
    /**
     * A newsroom action changed a story in any state: its fields, state, desk or edition (subject: the story id; no
     * edition, since an action may move the story to another, and no keys: no page shows a story that is not
     * public, and the article kinds above carry those of a public one). Read by the newsroom's story index.
     */
    public static final String STORY_CHANGED = "story.changed";
    /**
     * Editors arranged an edition's front page afresh (no subject; key {@code front:<edition>}): its home page shows
     * other stories or blocks in another order.
     */
    public static final String FRONT_CHANGED = "front.changed";

    /**
     * An entry of a live story was posted, corrected or deleted (subject: the entry id; edition: the story's; key: the
     * story's article key, whose page shows the entries). Streams read the entry afresh: gone means deleted.
     */
    public static final String LIVE_ENTRY = "live.entry";
    /** Editions or sections changed: menus on every page of the edition. */
    public static final String STRUCTURE_CHANGED = "structure.changed";
    /** A chat message was stored and is visible (subject: the message id). */
    public static final String CHAT_MESSAGE = "chat.message";
    /** A chat message's text changed (subject: the message id). */
    public static final String CHAT_EDITED = "chat.edited";
    /** A chat message left the conversation: deleted by its author or removed by a moderator. */
    public static final String CHAT_DELETED = "chat.deleted";
    /** The reaction counts of a chat message changed (subject: the message id). */
    public static final String CHAT_REACTION = "chat.reaction";
    /** A chat room was made, opened to or closed for new messages, or its rules changed (subject: the room id). */
    public static final String CHAT_ROOM = "chat.room";
    /** A reader banned from chatting, or a ban lifted (subject: the ban id). */
    public static final String CHAT_BAN = "chat.ban";
    /**
     * A reader read, followed or stopped following a room (subject: the room id, key: the reader's): every node
     * counts the reader's unread messages of the room afresh for their open pages.
     */
    public static final String CHAT_READ = "chat.read";

    /** A picture's fields, focal point or file changed (subject: the picture id, key {@code picture:<id>}). */
    public static final String PICTURE_UPDATED = "picture.updated";
    /** A picture was deleted or withdrawn by its provider (subject: the picture id): shown nowhere from now on. */
    public static final String PICTURE_REMOVED = "picture.removed";

    /**
     * Most-read lists of an edition were ranked afresh and came out different (no subject; keys
     * {@code mostread:<edition>} and {@code mostread:<edition>:<section id>} of the lists that changed).
     */
    public static final String MOST_READ_CHANGED = "mostread.changed";

    /**
     * An administrator saved a site page: about, contact or privacy (no subject; key {@code sitepage:<edition>:<slug>}
     * of the public page).
     */
    public static final String SITE_PAGE_EDITED = "sitepage.edited";

    private ChangeKinds() {
    }
}

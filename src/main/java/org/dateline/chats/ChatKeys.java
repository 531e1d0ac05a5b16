package org.dateline.chats;

/**
 * Surrogate keys of conversations. The article page is tagged with {@link #article}; every chat change names the
 * keys of its room, so the page cache evicts the article page and live delivery finds the room's subscribers.
 */
public final class ChatKeys {

    private static final String ARTICLE = "chat:article:";
    private static final String ROOM = "chat:room:";
    private static final String TOPICS = "chat:topics:";
    private static final String READER = "chat:reader:";

    private ChatKeys() {
    }

    public static String article(long articleId) {
        return ARTICLE + articleId;
    }

    public static String room(long roomId) {
        return ROOM + roomId;
    }

    /** The list of an edition's topic rooms: a topic room's every change names it (its last activity moves). */
    public static String topics(String edition) {
        return TOPICS + edition;
    }

    /** A reader's own chat state (bans, what they read): no page shows it, the reader's open sockets do. */
    public static String reader(long accountId) {
        return READER + accountId;
    }

    /** The account id of a {@code chat:reader:<id>} key. */
    public static java.util.Optional<Long> readerIdOf(String key) {
        return idOf(key, READER);
    }

    /** The room id of a {@code chat:room:<id>} key. */
    public static java.util.Optional<Long> roomIdOf(String key) {
        return idOf(key, ROOM);
    }

    private static java.util.Optional<Long> idOf(String key, String prefix) {
        if (!key.startsWith(prefix)) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(Long.parseLong(key.substring(prefix.length())));
        } catch (NumberFormatException notOurs) {
            return java.util.Optional.empty();
        }
    }

    public static boolean isChatKey(String key) {
        return key.startsWith(ARTICLE) || key.startsWith(ROOM) || key.startsWith(TOPICS);
    }
}

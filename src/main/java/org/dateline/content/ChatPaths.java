package org.dateline.content;

/**
 * The URL scheme of conversations, beside {@link ArticlePaths}: the edition's topic rooms at {@code /{edition}/chat},
 * a topic room at {@code /{edition}/chat/{slug}}, a message's permalink at {@code /{edition}/chat/m/{id}}, and the
 * anchors on a page that shows a conversation: {@code #chat} for the conversation, {@code #m{id}} for one message.
 * The chats, the site and the reader's pages all build their links here, so the scheme changes in one place.
 */
public final class ChatPaths {

    private ChatPaths() {
    }

    /** The edition's list of topic rooms. */
    public static String topics(String edition) {
        return "/" + edition + "/chat";
    }

    /** A topic room's page. */
    public static String topicRoom(String edition, String slug) {
        return topics(edition) + "/" + slug;
    }

    /** A message's permalink, which leads to the message on the page of its room. */
    public static String permalink(String edition, long messageId) {
        return topics(edition) + "/m/" + messageId;
    }

    /** The conversation on a page that shows one (an article's, or a topic room's). */
    public static String atConversation(String pagePath) {
        return pagePath + "#chat";
    }

    /** One message on the page that shows its conversation. */
    public static String atMessage(String pagePath, long messageId) {
        return pagePath + "#m" + messageId;
    }
}

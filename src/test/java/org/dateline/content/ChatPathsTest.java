package org.dateline.content;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChatPathsTest {

    @Test
    void placesTheTopicRoomsOfAnEditionUnderItsChat() {
        assertThat(ChatPaths.topics("de")).isEqualTo("/de/chat");
        assertThat(ChatPaths.topicRoom("de", "wahl-2026")).isEqualTo("/de/chat/wahl-2026");
    }

    @Test
    void givesAMessageAPermalinkInItsEdition() {
        assertThat(ChatPaths.permalink("en", 1234)).isEqualTo("/en/chat/m/1234");
    }

    @Test
    void anchorsTheConversationAndAMessageOnTheirPage() {
        String article = "/en/world/20261102/42-a-story";
        assertThat(ChatPaths.atConversation(article)).isEqualTo("/en/world/20261102/42-a-story#chat");
        assertThat(ChatPaths.atMessage(article, 5)).isEqualTo("/en/world/20261102/42-a-story#m5");
        assertThat(ChatPaths.atConversation(ChatPaths.topicRoom("en", "budget"))).isEqualTo("/en/chat/budget#chat");
    }
}

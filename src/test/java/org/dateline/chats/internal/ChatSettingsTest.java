package org.dateline.chats.internal;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The chats' settings keep the property names operators and the benchmark scripts already use. */
class ChatSettingsTest {

    private static ChatSettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("dateline.chats",
                ChatSettings.class);
    }

    @Test
    void defaultsToAutomaticThreadsAndTheDocumentedAllowances() {
        assertThat(bind(Map.of())).isEqualTo(ChatSettings.DEFAULTS);
        assertThat(ChatSettings.DEFAULTS.rate()).isEqualTo(new ChatSettings.Rate(8, 3, 60));
    }

    @Test
    void readsEverySettingByItsPropertyName() {
        ChatSettings settings = bind(Map.of("dateline.chats.writers", "2", "dateline.chats.send-threads", "3",
                "dateline.chats.rate.messages-per-minute", "248",
                "dateline.chats.rate.new-account-messages-per-minute", "5",
                "dateline.chats.rate.messages-per-address-per-minute", "120000"));
        assertThat(settings).isEqualTo(new ChatSettings(2, 3, new ChatSettings.Rate(248, 5, 120000)));
    }

    @Test
    void choosesTheWritersByDatabaseAndTheLanesByCoresWhenLeftAutomatic() {
        assertThat(ChatSettings.DEFAULTS.writerThreads(true)).isEqualTo(1);
        assertThat(ChatSettings.DEFAULTS.writerThreads(false)).isEqualTo(4);
        assertThat(ChatSettings.DEFAULTS.sendLanes()).isGreaterThanOrEqualTo(2);
        assertThat(new ChatSettings(6, 5, ChatSettings.Rate.DEFAULTS).writerThreads(true)).isEqualTo(6);
        assertThat(new ChatSettings(6, 5, ChatSettings.Rate.DEFAULTS).sendLanes()).isEqualTo(5);
    }
}

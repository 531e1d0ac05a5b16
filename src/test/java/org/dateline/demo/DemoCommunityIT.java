package org.dateline.demo;

import java.util.List;
import java.util.Map;

import org.dateline.chats.ChatQueries;
import org.dateline.chats.MessageState;
import org.dateline.chats.MessageView;
import org.dateline.chats.Room;
import org.dateline.content.ChatPaths;
import org.dateline.editions.Editions;
import org.dateline.editions.Section;
import org.dateline.identity.Account;
import org.dateline.identity.Accounts;
import org.dateline.identity.Role;
import org.dateline.newsroom.PublishCommand;
import org.dateline.newsroom.PublishStory;
import org.dateline.newsroom.StoryResult;
import org.dateline.testing.Http;
import org.dateline.testing.IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** A first start with the demo opens a room per section and shows readers talking, through the chats' use cases. */
@IntegrationTest
class DemoCommunityIT {

    @LocalServerPort
    int port;
    @Autowired
    DemoCommunity community;
    @Autowired
    PublishStory publish;
    @Autowired
    ChatQueries chats;
    @Autowired
    Editions editions;
    @Autowired
    Accounts accounts;

    @Test
    void opensARoomPerSectionAndConversationsOfDemoReadersOnce() {
        // Stories of their own stand in for the seed story, whose conversation other tests may have joined.
        Map<String, Long> stories = Map.of("en", story("en", "Demo community talk"),
                "ru", story("ru", "Обсуждение демонстрации"));

        int posted = community.open(stories);

        int expected = 0;
        for (String edition : List.of("en", "ru")) {
            List<MessageView> seed = chats.conversation(stories.get(edition), 20).messages();
            List<DemoConversations.Line> lines = DemoConversations.seedStory(edition);
            assertThat(seed).extracting(MessageView::text)
                    .containsExactlyInAnyOrderElementsOf(lines.stream().map(DemoConversations.Line::text).toList());
            assertThat(seed).allMatch(m -> m.state() == MessageState.VISIBLE);
            assertThat(seed).filteredOn(m -> m.replyTo() != null).hasSize(2);
            expected += lines.size();
            for (Section section : editions.sections(edition)) {
                Room room = chats.topic(edition, section.slug()).orElseThrow();
                assertThat(room.title()).startsWith(section.name());
                List<DemoConversations.Line> said = DemoConversations.room(edition, section.slug());
                assertThat(chats.conversation(room, 20).messages()).extracting(MessageView::text)
                        .containsExactlyInAnyOrderElementsOf(said.stream().map(DemoConversations.Line::text).toList());
                expected += said.size();
            }
        }
        assertThat(posted).isEqualTo(expected);
        assertThat(DemoConversations.room("en", "economy")).isNotEmpty();

        // The readers are regulars who cannot log in; the rooms open by the community desk.
        Account reader = accounts.byEmail("reader-ru-1@demo.invalid").orElseThrow();
        assertThat(reader.role()).isEqualTo(Role.READER);
        assertThat(reader.confirmed()).isTrue();
        assertThat(reader.displayName()).isEqualTo(DemoConversations.readers("ru").get(0));
        assertThat(accounts.byEmail("community-desk@demo.invalid").orElseThrow().role()).isEqualTo(Role.MODERATOR);

        // Readers see it: the rooms listed, the talk under the story.
        Http http = new Http(port);
        Document rooms = Jsoup.parse(http.get(ChatPaths.topics("ru")).body());
        assertThat(rooms.text()).contains(DemoConversations.roomTitle("ru", editions.sections("ru").get(0).name()));

        // A second start adds nothing.
        assertThat(community.open(stories)).isZero();
    }

    private long story(String edition, String headline) {
        String section = editions.sections(edition).get(0).slug();
        StoryResult result = publish.publishNew(DemoLoader.LOADER, new PublishCommand(edition, section,
                headline + " " + System.nanoTime(), "A lead.", List.of("A paragraph."), "MOSCOW", null, "Dateline",
                List.of(), List.of(), null, null, null));
        return ((StoryResult.Done) result).storyId();
    }
}

package org.dateline.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.dateline.chats.ChatQueries;
import org.dateline.chats.ChatResult;
import org.dateline.chats.CreateTopicRoom;
import org.dateline.chats.MessageView;
import org.dateline.chats.PostMessage;
import org.dateline.chats.Room;
import org.dateline.editions.Editions;
import org.dateline.editions.Section;
import org.dateline.identity.Account;
import org.dateline.identity.Accounts;
import org.dateline.identity.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The community of a demo: a topic room per section of each edition, opened by a community desk, and a few
 * conversations among demo readers under the seed story and in some of the rooms, so a first start does not look
 * deserted. Everything goes through the chats' own use cases, with their checks. The demo's accounts cannot log in.
 */
@Component
class DemoCommunity {

    private static final Logger log = LoggerFactory.getLogger(DemoCommunity.class);
    /** Old enough that the chats treat them as the regulars they pretend to be. */
    private static final Duration MEMBERS_FOR = Duration.ofDays(400);

    private final Accounts accounts;
    private final Editions editions;
    private final CreateTopicRoom createRoom;
    private final PostMessage postMessage;
    private final ChatQueries chats;
    private final Clock clock;

    DemoCommunity(Accounts accounts, Editions editions, CreateTopicRoom createRoom, PostMessage postMessage,
                  ChatQueries chats, Clock clock) {
        this.accounts = accounts;
        this.editions = editions;
        this.createRoom = createRoom;
        this.postMessage = postMessage;
        this.chats = chats;
        this.clock = clock;
    }

    /**
     * Opens the rooms and posts the conversations; a room that exists is left as it is, with no conversation added.
     *
     * @param seedStories the seed story's id in each edition
     * @return the messages posted
     */
    int open(Map<String, Long> seedStories) {
        Instant since = clock.instant().minus(MEMBERS_FOR);
        Account desk = accounts.createWithoutLogin("community-desk@demo.invalid", "Community desk", Role.MODERATOR,
                since);
        int posted = 0;
        for (String edition : List.of("en", "ru")) {
            if (editions.find(edition).isEmpty()) {
                continue;
            }
            List<Account> readers = new ArrayList<>();
            List<String> names = DemoConversations.readers(edition);
            for (int i = 0; i < names.size(); i++) {
                readers.add(accounts.createWithoutLogin("reader-" + edition + "-" + (i + 1) + "@demo.invalid",
                        names.get(i), Role.READER, since));
            }
            Long seed = seedStories.get(edition);
            if (seed != null && chats.conversation(seed, 1).messages().isEmpty()) {
                posted += post(readers, null, seed, DemoConversations.seedStory(edition));
            }
            for (Section section : editions.sections(edition)) {
                ChatResult<Room> room = createRoom.createAs(desk, edition, section.slug(),
                        DemoConversations.roomTitle(edition, section.name()));
                if (room instanceof ChatResult.Done<Room> opened) {
                    posted += post(readers, opened.value().id(), null,
                            DemoConversations.room(edition, section.slug()));
                }
            }
        }
        log.info("Opened the demo's chat rooms with {} messages", posted);
        return posted;
    }

    private int post(List<Account> readers, Long roomId, Long articleId, List<DemoConversations.Line> lines) {
        List<Long> ids = new ArrayList<>();
        for (DemoConversations.Line line : lines) {
            Account author = readers.get(line.reader() % readers.size());
            Long replyTo = line.replyTo() < 0 ? null : ids.get(line.replyTo());
            ChatResult<MessageView> result = postMessage.postAs(author, new PostMessage.Command(roomId, articleId,
                    line.text(), replyTo, "demo-reader-" + author.id()));
            if (!(result instanceof ChatResult.Done<MessageView> done)) {
                throw new IllegalStateException("Demo message refused: " + result);
            }
            ids.add(done.value().id());
        }
        return ids.size();
    }
}

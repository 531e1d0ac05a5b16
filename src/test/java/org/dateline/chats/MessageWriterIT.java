package org.dateline.chats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.dateline.chats.internal.JdbcMemberships;
import org.dateline.chats.internal.JdbcMessages;
import org.dateline.chats.internal.JdbcRooms;
import org.dateline.chats.internal.MessageWriter;
import org.dateline.chats.internal.NewMessage;
import org.dateline.content.ContentQueries;
import org.dateline.testing.IntegrationTest;
import org.dateline.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Messages posted at the same moment into several rooms are stored in shared transactions, each kind of statement
 * as one batch for the group; what every single post stored before is stored for each of them: the row, its change
 * log entry and positions, the room's last activity, the author's membership; a held one has no change; one that
 * fails (a reply to a message that does not exist) fails alone and leaves nothing behind.
 */
@IntegrationTest
class MessageWriterIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    ContentQueries content;
    @Autowired
    JdbcRooms storedRooms;
    @Autowired
    JdbcMessages messages;
    @Autowired
    JdbcMemberships memberships;
    @Autowired
    MessageWriter writer;

    @Test
    void messagesWrittenTogetherAreEachStoredWholeAndAFailingOneLeavesNothing() throws Exception {
        List<ChatReader> readers = List.of(ChatReader.register(port, jdbc, encoder),
                ChatReader.register(port, jdbc, encoder), ChatReader.register(port, jdbc, encoder));
        List<Room> rooms = new ArrayList<>();
        for (int index : new int[] {42, 43, 44}) { // each room made by a first post, as a reader's page does
            long roomId = readers.get(0).posted(content.latest("en", null, 50).get(index).id(), "Opening")
                    .get("roomId").asLong();
            rooms.add(storedRooms.room(roomId).orElseThrow());
        }
        String tag = "batch-" + System.nanoTime() + " ";
        int writes = 150;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService callers = Executors.newFixedThreadPool(48);
        List<CompletableFuture<Long>> results = new ArrayList<>();
        for (int i = 0; i < writes; i++) {
            ChatReader author = readers.get(i % 3);
            Room room = rooms.get(i / 3 % 3);
            MessageState state = i % 25 == 7 ? MessageState.HELD : MessageState.VISIBLE;
            Long replyTo = i % 40 == 11 ? Long.valueOf(Long.MAX_VALUE - i) : null; // no such message
            NewMessage message = new NewMessage(room, author.accountId, author.name, tag + i, "<p>" + tag + i + "</p>",
                    replyTo, state, messages.timestamp(), i == 20 ? PostMessage.SUSPECT_REASON + tag : null, null);
            results.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return writer.write(message);
            }, callers));
        }
        start.countDown();
        List<Long> visible = new ArrayList<>();
        int failed = 0;
        for (int i = 0; i < writes; i++) {
            try {
                long id = results.get(i).get(30, TimeUnit.SECONDS);
                Map<String, Object> row = jdbc.sql("SELECT body, room_id, author_id, state, shown_change, last_change "
                        + "FROM chat_messages WHERE id = ?").params(id).query().singleRow();
                assertThat(row.get("body")).isEqualTo(tag + i);
                assertThat(((Number) row.get("room_id")).longValue()).isEqualTo(rooms.get(i / 3 % 3).id());
                assertThat(((Number) row.get("author_id")).longValue()).isEqualTo(readers.get(i % 3).accountId);
                List<Long> entries = jdbc.sql("SELECT position FROM change_log WHERE kind = 'chat.message' "
                        + "AND subject_id = ?").params(id).query(Long.class).list();
                if (i % 25 == 7) { // held: in nobody's view, no change
                    assertThat(row.get("state")).isEqualTo("HELD");
                    assertThat(row.get("shown_change")).isNull();
                    assertThat(entries).isEmpty();
                } else { // visible at the position of its one entry, whose keys name its room and page
                    assertThat(row.get("state")).isEqualTo("VISIBLE");
                    assertThat(entries).hasSize(1);
                    assertThat(((Number) row.get("shown_change")).longValue()).isEqualTo(entries.get(0));
                    assertThat(((Number) row.get("last_change")).longValue()).isEqualTo(entries.get(0));
                    assertThat(jdbc.sql("SELECT surrogate_keys FROM change_log WHERE position = ?")
                            .params(entries.get(0)).query(String.class).single())
                            .contains(ChatKeys.room(rooms.get(i / 3 % 3).id()));
                    visible.add(id);
                }
            } catch (ExecutionException e) {
                assertThat(i % 40).isEqualTo(11);
                assertThat(e.getCause()).isInstanceOf(DataIntegrityViolationException.class);
                failed++;
            }
        }
        callers.shutdown();
        assertThat(failed).isEqualTo(4);
        for (int i = 11; i < writes; i += 40) { // the failing ones left no row
            assertThat(jdbc.sql("SELECT COUNT(*) FROM chat_messages WHERE body = ?").params(tag + i)
                    .query(Long.class).single()).isZero();
        }
        for (Room room : rooms) {
            // the room's newest visible message and newest change, as the page and reconnecting clients read them
            Map<String, Object> row = jdbc.sql("SELECT last_message_id, last_change FROM chat_rooms WHERE id = ?")
                    .params(room.id()).query().singleRow();
            assertThat(((Number) row.get("last_message_id")).longValue()).isEqualTo(jdbc.sql(
                    "SELECT MAX(id) FROM chat_messages WHERE room_id = ? AND state = 'VISIBLE'")
                    .params(room.id()).query(Long.class).single());
            assertThat(((Number) row.get("last_change")).longValue()).isEqualTo(jdbc.sql(
                    "SELECT MAX(shown_change) FROM chat_messages WHERE room_id = ?")
                    .params(room.id()).query(Long.class).single());
            for (ChatReader author : readers) { // posting reads the room up to one's own newest message
                assertThat(memberships.lastReadId(author.accountId, room.id())).isEqualTo(jdbc.sql(
                        "SELECT MAX(id) FROM chat_messages WHERE room_id = ? AND author_id = ?")
                        .params(room.id(), author.accountId).query(Long.class).single());
            }
        }
        assertThat(visible).hasSize(writes - 4 - 6);
        if (TestDatabases.postgres()) { // the transaction that wrote each row last: groups of messages shared them
            assertThat(jdbc.sql("SELECT COUNT(DISTINCT xmin::text) FROM chat_messages WHERE body LIKE ?")
                    .params(tag + "%").query(Long.class).single()).isLessThan(writes - 4);
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM chat_reports WHERE reason = ?")
                .params(PostMessage.SUSPECT_REASON + tag).query(Long.class).single()).isEqualTo(1);
    }
}

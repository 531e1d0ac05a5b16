package org.dateline.chats.internal;

import java.util.ArrayList;
import java.util.List;

import org.dateline.platform.jdbc.DatabaseKind;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Stores new chat messages in groups ({@link GroupWriter}), each kind of statement once per group as a JDBC batch:
 * the messages, their rooms' last activity (which locks the rooms, in the order of their ids), the change log's
 * entries (positions taken only once the rooms are locked, see {@link ChatChanges}), the positions on rooms and
 * messages, and the authors' memberships (posting follows a room and reads it up to one's own message). On
 * PostgreSQL a group of n messages so costs about six round trips and one commit instead of 6·n round trips.
 * <p>
 * On H2 one thread writes (its commits are serialised anyway); on PostgreSQL four do by default
 * ({@link ChatSettings#writers()}).
 */
@Component
public class MessageWriter implements SmartLifecycle {

    private final GroupWriter<NewMessage> writer;
    private final JdbcMessages messages;
    private final JdbcMemberships memberships;
    private final ChatChanges changes;
    private final JdbcModeration moderation;
    private final FreshMessages fresh;

    MessageWriter(PlatformTransactionManager transactions, JdbcMessages messages, JdbcMemberships memberships,
                  ChatChanges changes, JdbcModeration moderation, FreshMessages fresh, ChatSettings settings,
                  DatabaseKind database) {
        this.messages = messages;
        this.memberships = memberships;
        this.changes = changes;
        this.moderation = moderation;
        this.fresh = fresh;
        this.writer = new GroupWriter<>("chat-writer", transactions, settings.writerThreads(database.isH2()),
                message -> message.room().id(), this::store);
    }

    /** Stores the message and returns its id once it is committed (and, when visible, in the change log). */
    public long write(NewMessage message) {
        return writer.write(message);
    }

    private long[] store(List<NewMessage> group) {
        long[] ids = messages.insertMessages(group);
        List<ChatChanges.Posted> posted = new ArrayList<>(group.size());
        List<JdbcMemberships.ReadUpTo> reads = new ArrayList<>(group.size());
        for (int i = 0; i < ids.length; i++) {
            NewMessage message = group.get(i);
            if (message.visible()) {
                fresh.stored(message.view(ids[i]));
                posted.add(new ChatChanges.Posted(message.room(), ids[i]));
            }
            reads.add(new JdbcMemberships.ReadUpTo(message.authorId(), message.room().id(), ids[i]));
            if (message.reportReason() != null) { // a new row of its own: no lock another writer waits for
                moderation.report(ids[i], message.authorId(), message.reportReason());
            }
        }
        changes.posted(posted);
        memberships.readUpTo(reads);
        return ids;
    }

    @Override
    public void start() {
        writer.start();
    }

    /** Takes no more messages, and stores those waiting before the database goes. */
    @Override
    public void stop() {
        writer.stop();
    }

    @Override
    public boolean isRunning() {
        return writer.isRunning();
    }

    /**
     * Started before the web server opens its port and stopped after it closed: content loaded before the port opens
     * (the demo's chats) can post, and messages accepted until the last request are stored.
     */
    @Override
    public int getPhase() {
        return WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE - 4096;
    }
}

package org.dateline.chats.internal;

import org.dateline.platform.jdbc.DatabaseKind;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The settings of chats ({@code dateline.chats.*}), one place for every default of the module.
 *
 * @param writers     threads storing groups of new messages at once ({@link MessageWriter}); 0: one on H2, whose
 *                    commits are serialised anyway, four on PostgreSQL
 * @param sendThreads the lanes writing change frames to sockets ({@link FanOut}); 0: the number of cores, at least 2
 * @param rate        the message allowances of {@link ChatThrottle} ({@code dateline.chats.rate.*})
 */
@ConfigurationProperties("dateline.chats")
public record ChatSettings(@DefaultValue("0") int writers, @DefaultValue("0") int sendThreads,
                           @DefaultValue Rate rate) {

    public static final ChatSettings DEFAULTS = new ChatSettings(0, 0, Rate.DEFAULTS);

    public ChatSettings {
        if (writers < 0 || sendThreads < 0) {
            throw new IllegalArgumentException("dateline.chats.writers and send-threads are 0 (automatic) or more");
        }
    }

    /** The writing threads on this node's database ({@link DatabaseKind#isH2()}). */
    int writerThreads(boolean onH2) {
        return writers > 0 ? writers : onH2 ? 1 : 4;
    }

    /** The fan-out's lanes on this machine. */
    int sendLanes() {
        return sendThreads > 0 ? sendThreads : Math.max(2, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Message allowances. The defaults suit readers who each come from their own address. An operator whose readers
     * share few addresses (a proxy that does not pass the client's address on, a carrier or campus NAT) raises the
     * allowance per address; a load test from one machine raises both.
     *
     * @param messagesPerMinute           messages one account may post per minute
     * @param newAccountMessagesPerMinute the same for accounts younger than {@code ChatPolicy.NEW_ACCOUNT}
     * @param messagesPerAddressPerMinute messages from one client address per minute, all accounts together
     */
    public record Rate(@DefaultValue("8") int messagesPerMinute, @DefaultValue("3") int newAccountMessagesPerMinute,
                       @DefaultValue("60") int messagesPerAddressPerMinute) {

        public static final Rate DEFAULTS = new Rate(8, 3, 60);

        public Rate {
            if (messagesPerMinute < 1 || newAccountMessagesPerMinute < 1 || messagesPerAddressPerMinute < 1) {
                throw new IllegalArgumentException("dateline.chats.rate.* must be at least 1 per minute");
            }
        }
    }
}

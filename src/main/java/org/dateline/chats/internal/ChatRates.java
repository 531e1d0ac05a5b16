package org.dateline.chats.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Message allowances of {@link ChatThrottle} ({@code dateline.chats.rate.*}). The defaults suit readers who each
 * come from their own address. An operator whose readers share few addresses (a proxy that does not pass the
 * client's address on, a carrier or campus NAT) raises the allowance per address; a load test from one machine
 * raises both.
 *
 * @param messagesPerMinute           messages one account may post per minute
 * @param newAccountMessagesPerMinute the same for accounts younger than {@code ChatPolicy.NEW_ACCOUNT}
 * @param messagesPerAddressPerMinute messages from one client address per minute, all accounts together
 */
@ConfigurationProperties("dateline.chats.rate")
public record ChatRates(@DefaultValue("8") int messagesPerMinute, @DefaultValue("3") int newAccountMessagesPerMinute,
                        @DefaultValue("60") int messagesPerAddressPerMinute) {

    public static final ChatRates DEFAULTS = new ChatRates(8, 3, 60);

    public ChatRates {
        if (messagesPerMinute < 1 || newAccountMessagesPerMinute < 1 || messagesPerAddressPerMinute < 1) {
            throw new IllegalArgumentException("dateline.chats.rate.* must be at least 1 per minute");
        }
    }
}

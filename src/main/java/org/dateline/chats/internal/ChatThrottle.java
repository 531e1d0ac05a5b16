package org.dateline.chats.internal;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import org.dateline.platform.limits.RateLimit;
import org.dateline.platform.limits.RateLimiter;
import org.springframework.stereotype.Component;

/**
 * Rate limits of chats, per account and per client address: messages (brand-new accounts get fewer), reactions,
 * and later reports. The limits hold for the whole cluster ({@link RateLimiter}). The message allowances are settings
 * ({@link ChatSettings.Rate}); the defaults are the limits.
 */
@Component
public class ChatThrottle {

    public enum Action {
        MESSAGE, REACTION, REPORT
    }

    static final int REACTIONS_PER_MINUTE = 60;
    static final int REACTIONS_PER_ADDRESS_PER_MINUTE = 180;
    static final int REPORTS_PER_HOUR = 20;

    private final Map<Action, RateLimit> byAccount = new EnumMap<>(Action.class);
    private final Map<Action, RateLimit> byAddress = new EnumMap<>(Action.class);
    private final RateLimit newAccountMessages;

    ChatThrottle(ChatSettings settings, RateLimiter limiter) {
        ChatSettings.Rate rates = settings.rate();
        Duration minute = Duration.ofMinutes(1);
        byAccount.put(Action.MESSAGE, limiter.limit("chat.message.account", rates.messagesPerMinute(), minute));
        byAccount.put(Action.REACTION, limiter.limit("chat.reaction.account", REACTIONS_PER_MINUTE, minute));
        byAccount.put(Action.REPORT, limiter.limit("chat.report.account", REPORTS_PER_HOUR, Duration.ofHours(1)));
        byAddress.put(Action.MESSAGE, limiter.limit("chat.message.address", rates.messagesPerAddressPerMinute(),
                minute));
        byAddress.put(Action.REACTION, limiter.limit("chat.reaction.address", REACTIONS_PER_ADDRESS_PER_MINUTE,
                minute));
        byAddress.put(Action.REPORT, limiter.limit("chat.report.address", REPORTS_PER_HOUR, minute));
        newAccountMessages = limiter.limit("chat.message.new-account", rates.newAccountMessagesPerMinute(), minute);
    }

    /**
     * Takes one token from the account's and the address's bucket; false when either is empty. A refusal takes
     * nothing: an address crowded by other accounts costs this account none of its own allowance.
     */
    public boolean tryAcquire(Action action, long accountId, boolean newAccount, String address) {
        RateLimit account = newAccount && action == Action.MESSAGE ? newAccountMessages : byAccount.get(action);
        String accountKey = Long.toString(accountId);
        if (!account.tryTake(accountKey)) {
            return false;
        }
        if (byAddress.get(action).tryTake(address == null ? "" : address)) {
            return true;
        }
        account.giveBack(accountKey);
        return false;
    }
}

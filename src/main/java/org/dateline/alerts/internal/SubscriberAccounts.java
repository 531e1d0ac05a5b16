package org.dateline.alerts.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dateline.alerts.Subscription;
import org.dateline.identity.AccountDeleted;
import org.dateline.identity.AccountErased;
import org.dateline.identity.AccountExport;
import org.dateline.identity.AccountRestored;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A reader account's subscriber follows the account, each step in that step's transaction: deleting the account ends
 * its running subscriptions (marked {@link JdbcSubscriptions#ACCOUNT_DELETED}, so nothing goes out), restoring it
 * starts exactly those again (not what the reader had ended before), and erasing it when the restore window has
 * passed removes the subscriber with its subscriptions and push endpoints. The account's export lists them, ended
 * ones too.
 */
@Component
class SubscriberAccounts implements AccountExport {

    private final JdbcSubscriptions store;

    SubscriberAccounts(JdbcSubscriptions store) {
        this.store = store;
    }

    @EventListener
    void on(AccountDeleted event) {
        store.endForDeletedAccount(event.accountId(), event.at());
    }

    @EventListener
    void on(AccountRestored event) {
        store.restoreForAccount(event.accountId());
    }

    @EventListener
    void on(AccountErased event) {
        store.deleteForAccount(event.accountId());
    }

    @Override
    public String name() {
        return "subscriptions";
    }

    @Override
    public Object export(long accountId) {
        return store.byAccount(accountId).map(subscriber -> {
            Map<String, Object> part = new LinkedHashMap<>();
            part.put("edition", subscriber.edition());
            part.put("timeZone", subscriber.timeZone());
            part.put("digestHour", subscriber.digestHour());
            part.put("subscriptions", store.all(subscriber.id()).stream().map(SubscriberAccounts::fields).toList());
            return (Object) part;
        }).orElse(Map.of("subscriptions", List.of()));
    }

    private static Map<String, Object> fields(Subscription s) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", s.id());
        fields.put("topic", s.topic().name());
        fields.put("edition", s.edition());
        fields.put("target", s.targetId());
        fields.put("delivery", s.delivery().name());
        fields.put("createdAt", s.createdAt().toString());
        fields.put("endedAt", s.endedAt() == null ? null : s.endedAt().toString());
        fields.put("endedWhy", s.endedWhy());
        return fields;
    }
}

package org.dateline.chats.internal;

import java.util.Objects;
import java.util.Optional;

import org.dateline.chats.BanInForce;
import org.dateline.chats.Participant;
import org.dateline.identity.Account;
import org.dateline.identity.Accounts;
import org.dateline.identity.CurrentActor;
import org.springframework.stereotype.Component;

/** The participant of the current request, read fresh from the account (a deactivation counts at once). */
@Component
public class Participants {

    private final CurrentActor actor;
    private final Accounts accounts;
    private final ChatRules rules;

    Participants(CurrentActor actor, Accounts accounts, ChatRules rules) {
        this.actor = actor;
        this.accounts = accounts;
        this.rules = rules;
    }

    /**
     * The participant with the bans in force in this room (or in every room) taken into account; under an article
     * whose room does not exist yet (null), only a ban of every room keeps them out.
     */
    public Participant in(Participant who, Long roomId) {
        BanInForce ban = rules.ban(who.accountId(), roomId).orElse(null);
        return Objects.equals(ban, who.ban()) ? who
                : new Participant(who.accountId(), who.displayName(), who.role(), who.active(), ban, who.createdAt());
    }

    /** Any account, as the policy sees it (the target of a ban). */
    public Optional<Participant> account(long accountId) {
        return accounts.find(accountId).map(Participants::of);
    }

    /** Empty for an anonymous reader. */
    public Optional<Participant> current() {
        return actor.get().flatMap(a -> accounts.find(a.accountId())).map(Participants::of);
    }

    /** An account just read, as the policy sees it; bans are per room: see {@link #in}. */
    public static Participant of(Account account) {
        return new Participant(account.id(), account.displayName(), account.role(), account.active(), null,
                account.createdAt());
    }
}

package org.dateline.chats.internal;

import java.util.Optional;

import org.dateline.chats.Participant;
import org.dateline.identity.Accounts;
import org.dateline.identity.CurrentActor;
import org.springframework.stereotype.Component;

/** The participant of the current request, read fresh from the account (a deactivation counts at once). */
@Component
public class Participants {

    private final CurrentActor actor;
    private final Accounts accounts;

    Participants(CurrentActor actor, Accounts accounts) {
        this.actor = actor;
        this.accounts = accounts;
    }

    /** Empty for an anonymous reader. */
    public Optional<Participant> current() {
        return actor.get().flatMap(a -> accounts.find(a.accountId()))
                // bans come with moderation: nobody is banned yet
                .map(a -> new Participant(a.id(), a.displayName(), a.role(), a.active(), false, a.createdAt()));
    }
}

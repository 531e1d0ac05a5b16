package org.dateline.integrations;

import org.dateline.identity.Actor;
import org.dateline.identity.Role;

/**
 * Who may manage integrations in the newsroom: administrators only, since an integration's token can act for the
 * agency. (On the API the scope {@code integrations:manage} decides, in the security configuration.)
 */
public final class IntegrationPolicy {

    private IntegrationPolicy() {
    }

    public static boolean canManage(Actor actor) {
        return actor != null && actor.role() == Role.ADMIN;
    }
}

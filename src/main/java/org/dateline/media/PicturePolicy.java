package org.dateline.media;

import org.dateline.identity.Actor;
import org.dateline.identity.Role;
import org.springframework.stereotype.Component;

/**
 * Who may do what with pictures: the newsroom's writers (contributors, editors, administrators) upload and describe
 * them; editors and administrators delete any, a contributor only the pictures they uploaded.
 */
@Component
public class PicturePolicy {

    public boolean canUpload(Actor actor) {
        return actor != null && (actor.role() == Role.CONTRIBUTOR || actor.role() == Role.EDITOR
                || actor.role() == Role.ADMIN);
    }

    public boolean canEdit(Actor actor, Picture picture) {
        return canUpload(actor);
    }

    public boolean canDelete(Actor actor, Picture picture) {
        if (actor == null) {
            return false;
        }
        if (actor.role() == Role.EDITOR || actor.role() == Role.ADMIN) {
            return true;
        }
        return actor.role() == Role.CONTRIBUTOR && picture.createdBy() != null
                && picture.createdBy() == actor.accountId();
    }
}

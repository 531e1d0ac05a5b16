package org.dateline.media.internal;

import org.dateline.changes.Change;
import org.dateline.changes.ChangeKinds;
import org.dateline.changes.ChangeListener;
import org.dateline.media.Picture;
import org.springframework.stereotype.Component;

/**
 * A picture that left the library (deleted, or withdrawn by its provider), or bytes that a picture's new version
 * replaced, leave every node's renditions.
 */
@Component
class RenditionEviction implements ChangeListener {

    private final Renditions renditions;

    RenditionEviction(Renditions renditions) {
        this.renditions = renditions;
    }

    @Override
    public void onChange(Change change) {
        if (ChangeKinds.PICTURE_REMOVED.equals(change.kind()) || ChangeKinds.PICTURE_UPDATED.equals(change.kind())) {
            change.keys().stream().filter(key -> key.startsWith(Picture.ORIGINAL_KEY_PREFIX))
                    .map(key -> key.substring(Picture.ORIGINAL_KEY_PREFIX.length()))
                    .forEach(renditions::dropUnused);
        }
    }
}

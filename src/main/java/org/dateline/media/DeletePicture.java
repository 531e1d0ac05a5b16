package org.dateline.media;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.dateline.changes.ChangeKinds;
import org.dateline.changes.ChangeLog;
import org.dateline.identity.Actor;
import org.dateline.media.internal.JdbcOriginals;
import org.dateline.media.internal.JdbcPictures;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes a picture from the library: find → policy → refused while a story shows it or would on publication
 * ({@link PictureUsers}: the stories are named) → one transaction deleting the row, the original when no other
 * entry has the same bytes, and a {@code picture.removed} change (every node drops its renditions).
 */
@Component
public class DeletePicture {

    private final PicturePolicy policy;
    private final JdbcPictures pictures;
    private final JdbcOriginals originals;
    private final ObjectProvider<PictureUsers> users;
    private final ChangeLog changes;
    private final TransactionTemplate transaction;

    DeletePicture(PicturePolicy policy, JdbcPictures pictures, JdbcOriginals originals,
                  ObjectProvider<PictureUsers> users, ChangeLog changes, PlatformTransactionManager transactions) {
        this.policy = policy;
        this.pictures = pictures;
        this.originals = originals;
        this.users = users;
        this.changes = changes;
        this.transaction = new TransactionTemplate(transactions);
    }

    public PictureResult delete(Actor actor, long pictureId) {
        Optional<Picture> found = pictures.find(pictureId);
        if (found.isEmpty()) {
            return PictureResult.Refused.of("picture_not_found", "No picture has this id.");
        }
        Picture picture = found.get();
        if (!policy.canDelete(actor, picture)) {
            return PictureResult.Refused.of("forbidden",
                    "Editors delete pictures; a contributor only those they uploaded.");
        }
        List<PictureUse> uses = usesOf(pictureId);
        if (!uses.isEmpty()) {
            return new PictureResult.Refused("picture_in_use", "Stories show this picture: " + uses.stream()
                    .map(use -> "\"" + use.headline() + "\" (" + use.articleId() + ")")
                    .collect(Collectors.joining(", ")) + ". Take it out of them first.", uses);
        }
        transaction.executeWithoutResult(status -> {
            pictures.delete(pictureId);
            if (!pictures.originalInUse(picture.originalKey())) {
                originals.delete(picture.originalKey());
            }
            changes.append(ChangeKinds.PICTURE_REMOVED, null, pictureId,
                    List.of(Picture.key(pictureId), Picture.ORIGINAL_KEY_PREFIX + picture.originalKey()));
        });
        return new PictureResult.Done(null);
    }

    private List<PictureUse> usesOf(long pictureId) {
        PictureUsers implementation = users.getIfAvailable();
        return implementation == null ? List.of() : implementation.usesOf(pictureId);
    }
}

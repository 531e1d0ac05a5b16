package org.dateline.media;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.dateline.changes.ChangeKinds;
import org.dateline.changes.ChangeLog;
import org.dateline.identity.Actor;
import org.dateline.media.internal.JdbcPictures;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Withdraws a picture its provider cancelled: find → policy (as for deleting) → one transaction setting the state to
 * {@link PictureState#WITHDRAWN} with a {@code picture.removed} change keyed {@code picture:<id>} and
 * {@code original:<key>}, so that every page showing it is evicted and every node drops its renditions at once.
 * Surfaces show only usable pictures, so the stories that had it show none in its place; the row stays (the
 * newsroom sees what was withdrawn), and stories keep naming it. Withdrawing a withdrawn picture changes nothing.
 */
@Component
public class WithdrawPicture {

    private final PicturePolicy policy;
    private final JdbcPictures pictures;
    private final ChangeLog changes;
    private final TransactionTemplate transaction;
    private final Clock clock;

    WithdrawPicture(PicturePolicy policy, JdbcPictures pictures, ChangeLog changes,
                    PlatformTransactionManager transactions, Clock clock) {
        this.policy = policy;
        this.pictures = pictures;
        this.changes = changes;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** @param wireVersion the provider's version that cancelled it, recorded when given */
    public PictureResult withdraw(Actor actor, long pictureId, Long wireVersion) {
        Optional<Picture> found = pictures.find(pictureId);
        if (found.isEmpty()) {
            return PictureResult.Refused.of("picture_not_found", "No picture has this id.");
        }
        Picture picture = found.get();
        if (!policy.canDelete(actor, picture)) {
            return PictureResult.Refused.of("forbidden",
                    "Editors withdraw pictures; a contributor only those they uploaded.");
        }
        transaction.executeWithoutResult(status -> {
            if (wireVersion != null) {
                pictures.wireVersion(pictureId, wireVersion);
            }
            if (pictures.withdraw(pictureId, clock.instant())) {
                changes.append(ChangeKinds.PICTURE_REMOVED, null, pictureId,
                        List.of(Picture.key(pictureId), Picture.ORIGINAL_KEY_PREFIX + picture.originalKey()));
            }
        });
        return new PictureResult.Done(pictures.find(pictureId).orElseThrow());
    }
}

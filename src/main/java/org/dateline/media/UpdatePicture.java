package org.dateline.media;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.dateline.changes.ChangeKinds;
import org.dateline.changes.ChangeLog;
import org.dateline.identity.Actor;
import org.dateline.media.internal.FieldRules;
import org.dateline.media.internal.JdbcPictures;
import org.dateline.media.internal.ValidFields;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Changes a picture's caption, credit, alt text or focal point: find → policy → check → one transaction with a
 * {@code picture.updated} change, which evicts every cached page that shows the picture (they are tagged
 * {@code picture:<id>}). A moved focal point makes new rendition URLs; the old ones stay valid where cached.
 */
@Component
public class UpdatePicture {

    private final PicturePolicy policy;
    private final JdbcPictures pictures;
    private final ChangeLog changes;
    private final TransactionTemplate transaction;
    private final Clock clock;

    UpdatePicture(PicturePolicy policy, JdbcPictures pictures, ChangeLog changes,
                  PlatformTransactionManager transactions, Clock clock) {
        this.policy = policy;
        this.pictures = pictures;
        this.changes = changes;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    public PictureResult update(Actor actor, long pictureId, PictureFields fields) {
        Optional<Picture> found = pictures.find(pictureId);
        if (found.isEmpty()) {
            return PictureResult.Refused.of("picture_not_found", "No picture has this id.");
        }
        Picture picture = found.get();
        if (!policy.canEdit(actor, picture)) {
            return PictureResult.Refused.of("forbidden", "Only newsroom staff describe pictures.");
        }
        FieldRules.Checked checked = FieldRules.check(fields, stored(picture));
        if (!checked.problems().isEmpty()) {
            return new PictureResult.Rejected(checked.problems());
        }
        transaction.executeWithoutResult(status -> {
            pictures.updateFields(pictureId, checked.fields(), clock.instant());
            changes.append(ChangeKinds.PICTURE_UPDATED, null, pictureId, List.of(Picture.key(pictureId)));
        });
        return new PictureResult.Done(pictures.find(pictureId).orElseThrow());
    }

    static ValidFields stored(Picture picture) {
        return new ValidFields(picture.headline(), picture.caption(), picture.altText(), picture.credit(),
                picture.byline(), picture.copyright(), picture.focalX(), picture.focalY());
    }
}

package org.dateline.media;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.dateline.changes.ChangeKinds;
import org.dateline.changes.ChangeLog;
import org.dateline.identity.Actor;
import org.dateline.media.imaging.ImageInspector;
import org.dateline.media.imaging.ImageRefusal;
import org.dateline.media.imaging.InspectedImage;
import org.dateline.media.internal.FieldRules;
import org.dateline.media.internal.JdbcOriginals;
import org.dateline.media.internal.JdbcPictures;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A new version of a picture (a provider's newer file and words): find → policy → the bytes inspected as an upload's
 * are → the fields laid over the stored ones ({@code null} keeps a field, so the desk's alt text and focal point
 * stay) → one transaction: the new original stored and the entry pointed at it when the bytes differ, the fields,
 * the provider's version, the old original deleted when no other entry has it, and a {@code picture.updated} change
 * keyed {@code picture:<id>} and {@code original:<old key>}, so that pages showing the picture and every node's
 * renditions of the old bytes go. The id stays, so the stories that show the picture keep it, with new rendition
 * URLs. Nothing changes when the file is refused.
 */
@Component
public class ReplacePictureFile {

    private final PicturePolicy policy;
    private final JdbcPictures pictures;
    private final JdbcOriginals originals;
    private final ChangeLog changes;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ReplacePictureFile(PicturePolicy policy, JdbcPictures pictures, JdbcOriginals originals, ChangeLog changes,
                       PlatformTransactionManager transactions, Clock clock) {
        this.policy = policy;
        this.pictures = pictures;
        this.originals = originals;
        this.changes = changes;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** @param upload the new file, its fields ({@code null} ones kept) and the provider's version, if any */
    public PictureResult replace(Actor actor, long pictureId, PictureUpload upload) {
        Optional<Picture> found = pictures.find(pictureId);
        if (found.isEmpty()) {
            return PictureResult.Refused.of("picture_not_found", "No picture has this id.");
        }
        Picture picture = found.get();
        if (!policy.canEdit(actor, picture)) {
            return PictureResult.Refused.of("forbidden", "Only newsroom staff describe pictures.");
        }
        if (!picture.usable()) {
            return PictureResult.Refused.of("picture_withdrawn", "The picture was withdrawn; it takes no new file.");
        }
        byte[] bytes = upload.bytes() == null ? new byte[0] : upload.bytes();
        InspectedImage image;
        try {
            image = ImageInspector.inspect(bytes, upload.contentType(), upload.fileName());
        } catch (ImageRefusal refusal) {
            return new PictureResult.Rejected(List.of(new PictureProblem("file", refusal.code(), refusal.getMessage())));
        }
        FieldRules.Checked checked = FieldRules.check(
                upload.fields() == null ? PictureFields.none() : upload.fields(), UpdatePicture.stored(picture));
        if (!checked.problems().isEmpty()) {
            return new PictureResult.Rejected(new ArrayList<>(checked.problems()));
        }
        String sha256 = JdbcOriginals.sha256(bytes);
        String key = JdbcOriginals.keyOf(sha256);
        String oldKey = picture.originalKey();
        boolean newBytes = !key.equals(oldKey);
        Instant now = clock.instant();
        transaction.executeWithoutResult(status -> {
            if (newBytes) {
                originals.storeIfAbsent(key, sha256, image.type().contentType(), bytes, now);
                pictures.replaceFile(pictureId, key, image.type().contentType(), image.width(), image.height(),
                        bytes.length, image.metadata().created(), now);
            }
            pictures.updateFields(pictureId, checked.fields(), now);
            if (upload.wireVersion() != null) {
                pictures.wireVersion(pictureId, upload.wireVersion());
            }
            if (newBytes && !pictures.originalInUse(oldKey)) {
                originals.delete(oldKey);
            }
            changes.append(ChangeKinds.PICTURE_UPDATED, null, pictureId, newBytes
                    ? List.of(Picture.key(pictureId), Picture.ORIGINAL_KEY_PREFIX + oldKey)
                    : List.of(Picture.key(pictureId)));
        });
        return new PictureResult.Done(pictures.find(pictureId).orElseThrow());
    }
}

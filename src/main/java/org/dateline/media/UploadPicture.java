package org.dateline.media;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.dateline.identity.Actor;
import org.dateline.media.imaging.EmbeddedMetadata;
import org.dateline.media.imaging.ImageInspector;
import org.dateline.media.imaging.ImageRefusal;
import org.dateline.media.imaging.InspectedImage;
import org.dateline.media.internal.FieldRules;
import org.dateline.media.internal.JdbcOriginals;
import org.dateline.media.internal.JdbcPictures;
import org.dateline.media.internal.StoredPicture;
import org.dateline.media.internal.ValidFields;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts a file into the library, from the newsroom's upload, the admin API or the wire: policy → the bytes inspected
 * (type from the bytes, SVG and bombs refused before decoding, a file that does not decode refused) → the fields,
 * what the sender gave laid over what the file says (IPTC, XMP) → one transaction storing the original (once per
 * distinct file) and the library's row. A refused file leaves nothing behind.
 */
@Component
public class UploadPicture {

    private final PicturePolicy policy;
    private final JdbcPictures pictures;
    private final JdbcOriginals originals;
    private final TransactionTemplate transaction;
    private final Clock clock;

    UploadPicture(PicturePolicy policy, JdbcPictures pictures, JdbcOriginals originals,
                  PlatformTransactionManager transactions, Clock clock) {
        this.policy = policy;
        this.pictures = pictures;
        this.originals = originals;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    public PictureResult upload(Actor actor, PictureUpload upload) {
        if (!policy.canUpload(actor)) {
            return PictureResult.Refused.of("forbidden", "Only newsroom staff add pictures.");
        }
        byte[] bytes = upload.bytes() == null ? new byte[0] : upload.bytes();
        InspectedImage image;
        try {
            image = ImageInspector.inspect(bytes, upload.contentType(), upload.fileName());
        } catch (ImageRefusal refusal) {
            return new PictureResult.Rejected(List.of(new PictureProblem("file", refusal.code(), refusal.getMessage())));
        }
        EmbeddedMetadata said = image.metadata();
        ValidFields fromFile = FieldRules.fromFile(said.headline(), said.caption(), said.credit(), said.byline(),
                said.copyright());
        FieldRules.Checked checked = FieldRules.check(
                upload.fields() == null ? PictureFields.none() : upload.fields(), fromFile);
        if (!checked.problems().isEmpty()) {
            return new PictureResult.Rejected(new ArrayList<>(checked.problems()));
        }
        String sha256 = JdbcOriginals.sha256(bytes);
        String key = JdbcOriginals.keyOf(sha256);
        Instant now = clock.instant();
        StoredPicture row = new StoredPicture(key, image.type().contentType(), image.width(), image.height(),
                bytes.length, fileName(upload.fileName()), checked.fields(), said.created(),
                actor.accountId() > 0 ? actor.accountId() : null, actor.displayName(), upload.source(),
                upload.wireGuid(), upload.wireVersion());
        long id = transaction.execute(status -> {
            originals.storeIfAbsent(key, sha256, image.type().contentType(), bytes, now);
            return pictures.insert(row, now);
        });
        return new PictureResult.Done(pictures.find(id).orElseThrow());
    }

    private static String fileName(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
        return base.length() > 255 ? base.substring(base.length() - 255) : base;
    }
}

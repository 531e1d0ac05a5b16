package org.dateline.demo;

import java.util.HashMap;
import java.util.Map;

import org.dateline.identity.Actor;
import org.dateline.media.PictureFields;
import org.dateline.media.PictureResult;
import org.dateline.media.PictureUpload;
import org.dateline.media.UploadPicture;

/**
 * The demo's pictures: {@link DemoArt}'s illustrations put in the library through the upload use case, one entry per
 * section and edition, captioned in the edition's language as what they are.
 */
final class DemoPictures {

    private DemoPictures() {
    }

    /** The ids of the pictures by {@code edition:section}. */
    static Map<String, Long> upload(UploadPicture upload, Actor actor) {
        Map<String, Long> ids = new HashMap<>();
        for (DemoArt.Motif motif : DemoArt.MOTIFS) {
            byte[] jpeg = DemoArt.jpeg(motif, 0);
            ids.put("en:" + motif.section(), store(upload, actor, jpeg, motif.section(), new PictureFields(
                    "Demo illustration",
                    "Illustration: " + motif.shapeEn() + ". Made for the demo content; not a photograph.",
                    "Abstract illustration: " + motif.shapeEn(), "Dateline demo art", "",
                    "Dateline contributors, CC0", null, null)));
            ids.put("ru:" + motif.section(), store(upload, actor, jpeg, motif.section(), new PictureFields(
                    "Демонстрационная иллюстрация",
                    "Иллюстрация: " + motif.shapeRu() + ". Сделана для демонстрационного материала; не фотография.",
                    "Абстрактная иллюстрация: " + motif.shapeRu(), "Dateline, демо-графика", "",
                    "Dateline contributors, CC0", null, null)));
        }
        return ids;
    }

    private static long store(UploadPicture upload, Actor actor, byte[] jpeg, String section, PictureFields fields) {
        PictureResult result = upload.upload(actor, PictureUpload.of(jpeg, "image/jpeg", section + ".jpg", fields));
        if (!(result instanceof PictureResult.Done done)) {
            throw new IllegalStateException("Demo picture refused: " + result);
        }
        return done.picture().id();
    }
}

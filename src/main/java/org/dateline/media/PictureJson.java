package org.dateline.media;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import org.dateline.media.imaging.Crop;
import org.dateline.media.imaging.OutputFormat;

/** A picture as the admin API and other JSON show it, with absolute URLs of every rendition. */
@Schema(description = "A picture of the library")
public record PictureJson(long id, String headline, String caption, String altText, String credit, String byline,
                          String copyright,
                          @Schema(description = "Focal point, per mille of width and height (0-1000)") FocalPoint focalPoint,
                          int width, int height, String mediaType, long byteSize, String fileName, Instant takenAt,
                          Instant createdAt, Instant updatedAt, String createdBy, String source, String wireGuid,
                          Long wireVersion, String state,
                          @Schema(description = "Renditions by crop (o: the original's aspect; 16x9, 4x3, 1x1 around the focal point)")
                          Map<String, List<RenditionJson>> renditions) {

    public record FocalPoint(int x, int y) {
    }

    public record RenditionJson(int width, int height, String jpeg, String webp) {
    }

    public static PictureJson of(Picture picture, String origin) {
        Map<String, List<RenditionJson>> renditions = new LinkedHashMap<>();
        for (Crop crop : Crop.values()) {
            List<RenditionJson> list = new ArrayList<>();
            for (int width : picture.widths(crop)) {
                list.add(new RenditionJson(width, picture.heightAt(crop, width),
                        origin + picture.path(crop, width, OutputFormat.JPEG),
                        origin + picture.path(crop, width, OutputFormat.WEBP)));
            }
            renditions.put(crop.token(), list);
        }
        return new PictureJson(picture.id(), picture.headline(), picture.caption(), picture.altText(),
                picture.credit(), picture.byline(), picture.copyright(),
                new FocalPoint(picture.focalX(), picture.focalY()), picture.width(), picture.height(),
                picture.mediaType(), picture.byteSize(), picture.fileName(), picture.takenAt(), picture.createdAt(),
                picture.updatedAt(), picture.createdByName(), picture.source(), picture.wireGuid(),
                picture.wireVersion(), picture.state().name(), renditions);
    }
}

package org.dateline.feeds;

import java.net.URI;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.dateline.media.Picture;
import org.dateline.media.PictureRendition;
import org.dateline.media.imaging.Crop;
import org.dateline.media.imaging.OutputFormat;

/**
 * A picture as the syndication formats (ninjs, NewsML-G2) name it: a guid built like a text item's, the address
 * of its NewsML-G2 item, and the renditions offered to partners, each with its IPTC rendition role.
 */
final class PictureSyndication {

    static final String NEWSML_PATH = "/api/newsml/pictures/";

    /** A rendition offered: a name for ninjs, the rendition, and its code in IPTC's rendition scheme (rnd). */
    record Offered(String name, PictureRendition rendition, String role) {
    }

    private PictureSyndication() {
    }

    /** Host, the day it entered the library and the id: none of them ever changes. */
    static String guid(String baseUrl, Picture picture) {
        return "urn:newsml:" + URI.create(baseUrl).getHost() + ":"
                + DateTimeFormatter.BASIC_ISO_DATE.format(picture.createdAt().atOffset(ZoneOffset.UTC))
                + ":picture-" + picture.id();
    }

    static String version(Picture picture) {
        return String.valueOf(picture.updatedAt().toEpochMilli());
    }

    /**
     * The original's aspect in every width, JPEG (the smallest a thumbnail, the largest the high resolution, the
     * rest previews), and the 16:9 crop at least 1200 pixels wide for the web when the picture is that large.
     */
    static List<Offered> renditions(Picture picture) {
        List<Offered> offered = new ArrayList<>();
        List<Integer> widths = picture.widths(Crop.ORIGINAL);
        for (int i = 0; i < widths.size(); i++) {
            int width = widths.get(i);
            String role = i == widths.size() - 1 ? "highRes" : i == 0 ? "thumbnail" : "preview";
            offered.add(new Offered("original-" + width, picture.rendition(Crop.ORIGINAL, width, OutputFormat.JPEG),
                    role));
        }
        picture.large(Crop.WIDE).ifPresent(wide -> offered.add(new Offered("16x9-" + wide.width(), wide, "web")));
        return offered;
    }
}

package org.dateline.site.internal;

import java.util.List;

import org.dateline.media.Picture;
import org.dateline.media.imaging.Crop;
import org.dateline.media.imaging.OutputFormat;
import org.dateline.site.Ui;
import org.dateline.site.view.Thumbnail;
import org.springframework.web.util.HtmlUtils;

/**
 * The site's markup of pictures. A figure (an article's lead picture, a figure of its body) is a {@code picture}
 * with WebP widths and a JPEG fallback, its intrinsic size given so that the page does not move when the bytes
 * arrive; the lead is the page's largest element and is fetched first, body figures only when the reader nears
 * them. Every text in it (alt text, caption, credit) is escaped here.
 */
final class PictureHtml {

    /** The article column: 42rem wide from 46rem up, the viewport less its padding below. */
    static final String ARTICLE_SIZES = "(min-width: 46rem) 42rem, calc(100vw - 2rem)";
    /** An upright body figure is at most 28rem wide (see the stylesheet). */
    static final String UPRIGHT_SIZES = "(min-width: 30rem) 28rem, calc(100vw - 2rem)";
    /** The first teaser of a list spans its column (about 50rem beside the newsfeed panel). */
    static final String LIST_LEAD_SIZES = "(min-width: 60em) 50rem, calc(100vw - 2rem)";
    /** Teaser thumbnails: 12rem wide on wide screens, 7.5rem on phones. */
    static final String THUMBNAIL_SIZES = "(min-width: 60em) 12rem, 7.5rem";
    /** The fallback's width: what a browser without {@code srcset} gets. */
    static final int FALLBACK_WIDTH = 960;
    /** Thumbnails never need more than this for a 12rem box on a dense screen. */
    static final int THUMBNAIL_MAX = 640;

    private PictureHtml() {
    }

    /**
     * A figure: the lead in 16:9 around its focal point, eager and first in line; a body figure in its own aspect,
     * lazy. {@code caption} replaces the picture's own when not blank.
     */
    static String figure(Picture picture, String caption, Ui ui, boolean lead) {
        Crop crop = lead ? Crop.WIDE : Crop.ORIGINAL;
        int fallback = picture.widthUpTo(crop, FALLBACK_WIDTH);
        String shown = caption == null || caption.isBlank() ? picture.caption() : caption;
        String credit = picture.creditLine();
        StringBuilder html = new StringBuilder(1024);
        boolean upright = picture.heightAt(crop, fallback) > fallback;
        html.append("<figure class=\"figure").append(lead ? " figure-lead" : upright ? " figure-upright" : "")
                .append("\">");
        String sizes = upright ? UPRIGHT_SIZES : ARTICLE_SIZES;
        html.append("<picture><source type=\"image/webp\" srcset=\"").append(picture.srcset(crop, OutputFormat.WEBP))
                .append("\" sizes=\"").append(sizes).append("\">");
        html.append("<img src=\"").append(picture.path(crop, fallback, OutputFormat.JPEG))
                .append("\" srcset=\"").append(picture.srcset(crop, OutputFormat.JPEG))
                .append("\" sizes=\"").append(sizes)
                .append("\" width=\"").append(fallback).append("\" height=\"").append(picture.heightAt(crop, fallback))
                .append("\" alt=\"").append(escape(picture.altText())).append('"')
                .append(lead ? " fetchpriority=\"high\"" : " loading=\"lazy\" decoding=\"async\"")
                .append("></picture>");
        if (!isBlank(shown) || !isBlank(credit)) {
            html.append("<figcaption>");
            if (!isBlank(shown)) {
                html.append(escape(shown.strip()));
            }
            if (!isBlank(credit)) {
                html.append(isBlank(shown) ? "" : " ").append("<span class=\"credit\">")
                        .append(escape(ui.t("picture.credit", credit.strip()))).append("</span>");
            }
            html.append("</figcaption>");
        }
        return html.append("</figure>").toString();
    }

    /**
     * A list's picture of a story, 16:9: wide above the first teaser ({@code large}), else a thumbnail beside the
     * headline in small widths.
     */
    static Thumbnail thumbnail(Picture picture, boolean large, boolean lazy) {
        Crop crop = Crop.WIDE;
        List<Integer> widths = large ? picture.widths(crop) : picture.thumbnailWidths(crop, THUMBNAIL_MAX);
        int fallback = large ? picture.widthUpTo(crop, FALLBACK_WIDTH) : widths.get(Math.min(1, widths.size() - 1));
        return new Thumbnail(picture.path(crop, fallback, OutputFormat.JPEG),
                picture.srcset(crop, widths, OutputFormat.JPEG), picture.srcset(crop, widths, OutputFormat.WEBP),
                large ? LIST_LEAD_SIZES : THUMBNAIL_SIZES, fallback, picture.heightAt(crop, fallback), lazy);
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private static String escape(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }
}

package org.dateline.wire;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What every reader does with a picture's renditions: only http and https addresses are kept (a relative one
 * resolved against the document's own http(s) address, when it has one), so nothing later fetches a
 * {@code file:}, {@code data:} or {@code javascript:} address the provider wrote; media types are read the same way
 * everywhere; sizes are positive whole numbers or unknown. A picture keeps at most {@link #MAX_RENDITIONS}, a text
 * item at most {@link #MAX_PICTURES} pictures: far more than real copy offers, few enough that no document can make
 * the ingest fetch thousands.
 */
final class Renditions {

    static final int MAX_RENDITIONS = 20;
    static final int MAX_PICTURES = 50;
    /** As long as a feed address may be. */
    static final int MAX_HREF = FeedAddresses.MAX_URL;
    private static final int MAX_SIDE = 1_000_000;
    private static final Map<String, String> BY_EXTENSION = Map.of("jpg", "image/jpeg", "jpeg", "image/jpeg",
            "png", "image/png", "webp", "image/webp", "gif", "image/gif", "avif", "image/avif", "tif", "image/tiff",
            "tiff", "image/tiff");

    private Renditions() {
    }

    /** The document's own address when it is an http(s) URL (a polled feed's), to resolve relative hrefs against. */
    static URI base(String source) {
        URI uri = uri(source);
        return uri != null && web(uri) ? uri : null;
    }

    /**
     * An http(s) address as written, a relative one resolved against {@code base}; {@code null} for any other
     * scheme, a relative address without a base, or text that is no address.
     */
    static String href(String raw, URI base) {
        String value = raw == null ? null : raw.strip();
        if (value == null || value.isEmpty() || value.length() > MAX_HREF) {
            return null;
        }
        URI uri = uri(value);
        if (uri == null) {
            return null;
        }
        if (uri.getScheme() != null) {
            return web(uri) ? value : null;
        }
        if (base == null) {
            return null;
        }
        URI resolved = base.resolve(uri);
        return web(resolved) && resolved.toString().length() <= MAX_HREF ? resolved.toString() : null;
    }

    /** A media type in lower case without parameters; the non-standard JPEG names as {@code image/jpeg}. */
    static String contentType(String raw) {
        String value = PlainText.clean(raw);
        if (value == null) {
            return null;
        }
        value = value.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "" -> null;
            case "image/jpg", "image/pjpeg" -> "image/jpeg";
            default -> value;
        };
    }

    /** The image type an address's file extension names ({@code .jpg}, {@code .png} ...), or {@code null}. */
    static String typeByExtension(String href) {
        URI uri = uri(href);
        String path = uri == null || uri.getPath() == null ? "" : uri.getPath();
        int dot = path.lastIndexOf('.');
        return dot < 0 || path.indexOf('/', dot) >= 0 ? null
                : BY_EXTENSION.get(path.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    static boolean isImage(String contentType) {
        return contentType != null && contentType.startsWith("image/");
    }

    /** A width or height: a positive whole number of pixels, else {@code null}. */
    static Integer side(String raw) {
        String value = PlainText.clean(raw);
        if (value == null) {
            return null;
        }
        try {
            int side = Integer.parseInt(value);
            return side > 0 && side <= MAX_SIDE ? side : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The renditions with a usable address, each address once, at most {@link #MAX_RENDITIONS}. */
    static List<WireRendition> kept(List<WireRendition> renditions) {
        Set<String> seen = new LinkedHashSet<>();
        List<WireRendition> kept = new ArrayList<>();
        for (WireRendition rendition : renditions) {
            if (rendition.href() != null && kept.size() < MAX_RENDITIONS && seen.add(rendition.href())) {
                kept.add(rendition);
            }
        }
        return kept;
    }

    /** The same picture file at another size: the same host and path, whatever the query (image services size by query). */
    static boolean samePicture(String href, String other) {
        URI a = uri(href);
        URI b = uri(other);
        return a != null && b != null && a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost())
                && a.getPath() != null && a.getPath().equals(b.getPath());
    }

    private static boolean web(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && !uri.getHost().isBlank();
    }

    private static URI uri(String value) {
        if (value == null) {
            return null;
        }
        try {
            return new URI(value.strip());
        } catch (URISyntaxException e) {
            return null;
        }
    }
}

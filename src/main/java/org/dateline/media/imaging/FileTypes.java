package org.dateline.media.imaging;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * What a file is, from its first bytes, and what its name and declared content type claim. SVG is told apart from
 * other text so that it gets its own refusal: it can carry script, and Dateline serves only raster pictures.
 */
final class FileTypes {

    /** How much of a gzip stream is opened to see whether it is SVGZ. */
    private static final int GZIP_PEEK = 4096;

    /** Extensions that name a type; any other extension (or none) claims nothing. */
    private static final Map<String, String> EXTENSION_TYPES = Map.ofEntries(
            Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"), Map.entry("jpe", "image/jpeg"),
            Map.entry("jfif", "image/jpeg"), Map.entry("png", "image/png"), Map.entry("webp", "image/webp"),
            Map.entry("gif", "image/gif"), Map.entry("bmp", "image/bmp"), Map.entry("tif", "image/tiff"),
            Map.entry("tiff", "image/tiff"), Map.entry("heic", "image/heic"), Map.entry("heif", "image/heif"),
            Map.entry("avif", "image/avif"), Map.entry("ico", "image/x-icon"), Map.entry("svg", "image/svg+xml"),
            Map.entry("svgz", "image/svg+xml"), Map.entry("html", "text/html"), Map.entry("htm", "text/html"),
            Map.entry("xml", "application/xml"), Map.entry("pdf", "application/pdf"), Map.entry("txt", "text/plain"));

    /** Other names for our three types that browsers and cameras send. */
    private static final Map<String, String> CONTENT_TYPE_ALIASES = Map.of(
            "image/jpg", "image/jpeg", "image/pjpeg", "image/jpeg", "image/x-png", "image/png");

    private FileTypes() {
    }

    /** The type the bytes are, or the refusal that says why they are none of ours. */
    static ImageType sniff(byte[] bytes) throws ImageRefusal {
        if (startsWith(bytes, 0, 0xFF, 0xD8, 0xFF)) {
            return ImageType.JPEG;
        }
        if (startsWith(bytes, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return ImageType.PNG;
        }
        if (startsWith(bytes, 0, 'R', 'I', 'F', 'F') && startsWith(bytes, 8, 'W', 'E', 'B', 'P')) {
            return ImageType.WEBP;
        }
        if (startsWith(bytes, 0, 0x1F, 0x8B) && isSvgText(gunzipStart(bytes))) {
            throw svgRefused();
        }
        if (isSvgText(bytes)) {
            throw svgRefused();
        }
        throw new ImageRefusal(ImageRefusal.UNSUPPORTED_TYPE, "Only JPEG, PNG and WebP pictures are accepted.");
    }

    /** The content type a declared type or a file name claims, normalised; empty when it claims nothing. */
    static Optional<String> declaredType(String declaredContentType) {
        if (declaredContentType == null) {
            return Optional.empty();
        }
        String type = declaredContentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (type.isEmpty() || type.equals("application/octet-stream")) {
            return Optional.empty();
        }
        return Optional.of(CONTENT_TYPE_ALIASES.getOrDefault(type, type));
    }

    static Optional<String> typeOfName(String fileName) {
        if (fileName == null) {
            return Optional.empty();
        }
        String name = fileName.trim();
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        return Optional.ofNullable(EXTENSION_TYPES.get(name.substring(dot + 1).toLowerCase(Locale.ROOT)));
    }

    static boolean isSvgType(String contentType) {
        return contentType.equals("image/svg+xml");
    }

    static ImageRefusal svgRefused() {
        return new ImageRefusal(ImageRefusal.SVG_REFUSED,
                "SVG pictures are not accepted: they can carry scripts. Please send a JPEG, PNG or WebP.");
    }

    /** XML or SVG text: after an optional byte-order mark and white space, {@code <?xml}, {@code <svg} or an SVG doctype. */
    private static boolean isSvgText(byte[] bytes) {
        int i = startsWith(bytes, 0, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        while (i < bytes.length && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r' || bytes[i] == '\n')) {
            i++;
        }
        String head = new String(bytes, i, Math.min(bytes.length - i, 64), StandardCharsets.ISO_8859_1)
                .toLowerCase(Locale.ROOT);
        return head.startsWith("<?xml") || head.startsWith("<svg") || head.startsWith("<!doctype svg");
    }

    private static byte[] gunzipStart(byte[] bytes) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readNBytes(GZIP_PEEK);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static boolean startsWith(byte[] bytes, int offset, int... expected) {
        if (bytes.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((bytes[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }
}

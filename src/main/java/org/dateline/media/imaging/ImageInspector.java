package org.dateline.media.imaging;

import java.util.Optional;

/**
 * Decides whether a file is a picture Dateline takes, before anything is stored: the type from its bytes, the size
 * from its header, a cheap decode that proves the pixels are all there, and what the file says about itself.
 */
public final class ImageInspector {

    /** Refuse above: {@code too_large}. */
    public static final long MAX_BYTES = 50L * 1024 * 1024;
    /** Refuse above, from the header, before decoding: {@code too_many_pixels}. */
    public static final long MAX_PIXELS = 120_000_000L;

    /** The check decode keeps about this many pixels on the long side: every pixel is decoded, few are kept. */
    private static final int CHECK_SIDE = 256;

    private ImageInspector() {
    }

    /**
     * Type from the magic bytes (never from the name); refuses SVG ({@code svg_refused}, also SVGZ or XML starting
     * with {@code <svg} or {@code <?xml}), anything not JPEG/PNG/WebP ({@code unsupported_type}), a declared content
     * type or a file name extension that says another type ({@code type_mismatch}; null, blank and
     * {@code application/octet-stream} declare nothing), a header whose width*height exceeds {@link #MAX_PIXELS}
     * ({@code too_many_pixels}, before decoding), and bytes that do not decode ({@code corrupt_image}).
     */
    public static InspectedImage inspect(byte[] bytes, String declaredContentType, String fileName)
            throws ImageRefusal {
        if (bytes == null || bytes.length == 0) {
            throw new ImageRefusal(ImageRefusal.EMPTY_FILE, "The file is empty.");
        }
        if (bytes.length > MAX_BYTES) {
            throw new ImageRefusal(ImageRefusal.TOO_LARGE,
                    "The file is larger than " + MAX_BYTES / (1024 * 1024) + " MB.");
        }
        Optional<String> declared = FileTypes.declaredType(declaredContentType);
        Optional<String> named = FileTypes.typeOfName(fileName);
        ImageType type = sniff(bytes, declared, named);
        checkClaim(type, declared, "Its declared type is " + declared.orElse(""));
        checkClaim(type, named, "Its name says " + named.orElse(""));

        int[] stored;
        try (Decoder decoder = Decoder.open(bytes, type)) {
            stored = decoder.storedSize();
            if ((long) stored[0] * stored[1] > MAX_PIXELS) {
                throw new ImageRefusal(ImageRefusal.TOO_MANY_PIXELS, "The picture has " + stored[0] + " x "
                        + stored[1] + " pixels; at most " + MAX_PIXELS / 1_000_000 + " megapixels are accepted.");
            }
            int longSide = Math.max(stored[0], stored[1]);
            decoder.read(null, Math.max(1, longSide / CHECK_SIDE));
        }
        MetadataReading.Found found = MetadataReading.read(bytes);
        boolean swap = Orientation.swapsSides(found.orientation());
        return new InspectedImage(type, swap ? stored[1] : stored[0], swap ? stored[0] : stored[1],
                found.orientation(), found.metadata());
    }

    private static ImageType sniff(byte[] bytes, Optional<String> declared, Optional<String> named)
            throws ImageRefusal {
        try {
            return FileTypes.sniff(bytes);
        } catch (ImageRefusal refusal) {
            // SVG that does not open with its tag (a comment first, say) is still refused as SVG when it says so.
            if (declared.filter(FileTypes::isSvgType).isPresent() || named.filter(FileTypes::isSvgType).isPresent()) {
                throw FileTypes.svgRefused();
            }
            throw refusal;
        }
    }

    private static void checkClaim(ImageType type, Optional<String> claimed, String claim) throws ImageRefusal {
        if (claimed.isPresent() && !claimed.get().equals(type.contentType())) {
            throw new ImageRefusal(ImageRefusal.TYPE_MISMATCH, "The file is a " + type.name() + " picture. "
                    + claim + ", another type; please check the file.");
        }
    }
}

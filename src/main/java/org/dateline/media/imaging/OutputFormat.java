package org.dateline.media.imaging;

import java.util.Locale;
import java.util.Optional;

/** The formats renditions are encoded in. */
public enum OutputFormat {
    JPEG("image/jpeg", "jpg"),
    WEBP("image/webp", "webp");

    private final String contentType;
    private final String extension;

    OutputFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    /** The format a URL's extension names ({@code jpg}, {@code webp}; case-insensitive); empty for any other. */
    public static Optional<OutputFormat> byExtension(String ext) {
        if (ext == null) {
            return Optional.empty();
        }
        String lower = ext.toLowerCase(Locale.ROOT);
        for (OutputFormat format : values()) {
            if (format.extension.equals(lower)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}

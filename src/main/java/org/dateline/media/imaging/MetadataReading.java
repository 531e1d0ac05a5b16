package org.dateline.media.imaging;

import com.adobe.internal.xmp.XMPException;
import com.adobe.internal.xmp.XMPMeta;
import com.adobe.internal.xmp.properties.XMPProperty;
import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifDirectoryBase;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.iptc.IptcDirectory;
import com.drew.metadata.xmp.XmpDirectory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Date;
import java.util.Objects;
import java.util.TimeZone;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Reads what a file says about itself and its EXIF orientation. Each field is taken from XMP first (the current
 * IPTC standard), then from IPTC IIM, then from EXIF; a date without a zone is read as UTC. Metadata that cannot be
 * parsed is ignored, not refused: it does not stop the picture being shown.
 */
final class MetadataReading {

    private static final String NS_DC = "http://purl.org/dc/elements/1.1/";
    private static final String NS_PHOTOSHOP = "http://ns.adobe.com/photoshop/1.0/";

    /** The orientation and the descriptive fields of one file. */
    record Found(int orientation, EmbeddedMetadata metadata) {
    }

    private MetadataReading() {
    }

    static Found read(byte[] bytes) {
        Metadata metadata;
        try {
            metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes), bytes.length);
        } catch (ImageProcessingException | IOException | RuntimeException e) {
            return new Found(1, EmbeddedMetadata.NONE);
        }
        XMPMeta xmp = xmp(metadata);
        IptcDirectory iptc = metadata.getFirstDirectoryOfType(IptcDirectory.class);
        ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
        ExifSubIFDDirectory exif = metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);

        EmbeddedMetadata found = new EmbeddedMetadata(
                first(() -> xmpText(xmp, NS_PHOTOSHOP, "Headline"), () -> string(iptc, IptcDirectory.TAG_HEADLINE)),
                first(() -> xmpLangAlt(xmp, "description"), () -> string(iptc, IptcDirectory.TAG_CAPTION),
                        () -> string(ifd0, ExifDirectoryBase.TAG_IMAGE_DESCRIPTION)),
                first(() -> xmpText(xmp, NS_PHOTOSHOP, "Credit"), () -> string(iptc, IptcDirectory.TAG_CREDIT)),
                first(() -> xmpSequence(xmp, "creator"), () -> joined(iptc, IptcDirectory.TAG_BY_LINE),
                        () -> string(ifd0, ExifDirectoryBase.TAG_ARTIST)),
                first(() -> xmpLangAlt(xmp, "rights"), () -> string(iptc, IptcDirectory.TAG_COPYRIGHT_NOTICE),
                        () -> string(ifd0, ExifDirectoryBase.TAG_COPYRIGHT)),
                first(() -> xmpDate(xmp), () -> iimDate(iptc),
                        () -> instant(exif == null ? null : exif.getDateOriginal())));
        Integer orientation = ifd0 == null ? null : ifd0.getInteger(ExifDirectoryBase.TAG_ORIENTATION);
        return new Found(Orientation.normalise(orientation), found);
    }

    @SafeVarargs
    private static <T> T first(Supplier<T>... sources) {
        for (Supplier<T> source : sources) {
            T value;
            try {
                value = source.get();
            } catch (RuntimeException e) {
                value = null; // one malformed field must not hide the others
            }
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static XMPMeta xmp(Metadata metadata) {
        XmpDirectory directory = metadata.getFirstDirectoryOfType(XmpDirectory.class);
        return directory == null ? null : directory.getXMPMeta();
    }

    private static String xmpText(XMPMeta xmp, String ns, String property) {
        try {
            return xmp == null ? null : clean(xmp.getPropertyString(ns, property));
        } catch (XMPException e) {
            return null;
        }
    }

    private static String xmpLangAlt(XMPMeta xmp, String property) {
        try {
            XMPProperty text = xmp == null ? null : xmp.getLocalizedText(NS_DC, property, null, "x-default");
            return text == null ? null : clean(text.getValue());
        } catch (XMPException e) {
            return null;
        }
    }

    private static String xmpSequence(XMPMeta xmp, String property) {
        try {
            if (xmp == null || !xmp.doesPropertyExist(NS_DC, property)) {
                return null;
            }
            int count = xmp.countArrayItems(NS_DC, property);
            StringBuilder names = new StringBuilder();
            for (int i = 1; i <= count; i++) {
                String name = clean(xmp.getArrayItem(NS_DC, property, i).getValue());
                if (name != null) {
                    names.append(names.length() == 0 ? "" : ", ").append(name);
                }
            }
            return clean(names.toString());
        } catch (XMPException e) {
            return null;
        }
    }

    private static Instant xmpDate(XMPMeta xmp) {
        String text = xmpText(xmp, NS_PHOTOSHOP, "DateCreated");
        return text == null ? null : isoInstant(text);
    }

    /** An XMP date: with or without a zone (then UTC), or a date alone (midnight UTC). */
    static Instant isoInstant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notWithZone) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException notADate) {
                    return null;
                }
            }
        }
    }

    private static String string(Directory directory, int tag) {
        return directory == null ? null : clean(directory.getString(tag));
    }

    /** IIM repeats some datasets (several bylines): all of them, in order. */
    private static String joined(Directory directory, int tag) {
        String[] values = directory == null ? null : directory.getStringArray(tag);
        if (values == null) {
            return null;
        }
        return clean(Arrays.stream(values).map(MetadataReading::clean).filter(Objects::nonNull)
                .collect(Collectors.joining(", ")));
    }

    /** IIM's date created with its time (2:55 and 2:60), or the date alone at midnight UTC. */
    private static Instant iimDate(IptcDirectory iptc) {
        if (iptc == null) {
            return null;
        }
        Date dated = iptc.getDateCreated();
        return instant(dated != null ? dated : iptc.getDate(IptcDirectory.TAG_DATE_CREATED, TimeZone.getTimeZone("UTC")));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    /** Trimmed, without control characters (IIM values often end in NUL); null when nothing is left. */
    static String clean(String value) {
        if (value == null) {
            return null;
        }
        String cleaned = value.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]", "").trim();
        return cleaned.isEmpty() ? null : cleaned;
    }
}

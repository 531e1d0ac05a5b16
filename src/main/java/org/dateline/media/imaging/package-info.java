/**
 * Pictures as bytes: the pure image pipeline of the media module. No beans, no database, no HTTP.
 * <p>
 * {@link org.dateline.media.imaging.ImageInspector} decides whether an uploaded file is a picture Dateline takes
 * (type from the magic bytes, SVG and other types refused, the declared type and file name checked against it,
 * pixel count from the header, a cheap subsampled decode that proves the file is whole) and reads what it says about
 * itself ({@link org.dateline.media.imaging.EmbeddedMetadata}: XMP, then IPTC IIM, then EXIF). Refusals are
 * {@link org.dateline.media.imaging.ImageRefusal}s with stable codes.
 * {@link org.dateline.media.imaging.Renderer} makes a rendition: EXIF orientation applied, a
 * {@link org.dateline.media.imaging.Crop} placed around the focal point, scaled down, encoded as JPEG or WebP with
 * only the {@link org.dateline.media.imaging.CreditLine} embedded (XMP).
 * <p>
 * Untrusted bytes are decoded only by pure-Java readers chosen by class (TwelveMonkeys for JPEG and WebP, the JDK's
 * for PNG); libwebp (native) only encodes, and its reader is taken out of ImageIO's registry.
 * <p>
 * A named interface of the media module: the surfaces that show pictures name crops and formats
 * ({@link org.dateline.media.imaging.Crop}, {@link org.dateline.media.imaging.OutputFormat}) when they choose
 * renditions.
 */
@NamedInterface("imaging")
package org.dateline.media.imaging;

import org.springframework.modulith.NamedInterface;

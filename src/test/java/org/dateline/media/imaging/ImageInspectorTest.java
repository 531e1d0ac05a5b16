package org.dateline.media.imaging;

import org.apache.commons.imaging.formats.jpeg.iptc.IptcTypes;
import org.junit.jupiter.api.Test;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageInspectorTest {

    private static final byte[] JPEG = Pictures.jpeg(Pictures.photo(400, 300));
    private static final byte[] PNG = Pictures.png(Pictures.photo(320, 200));
    private static final byte[] WEBP = Pictures.webp(Pictures.photo(300, 240));

    @Test
    void tellsEachTypeFromItsBytesWithItsSize() throws Exception {
        InspectedImage jpeg = ImageInspector.inspect(JPEG, "image/jpeg", "photo.JPG");
        assertThat(jpeg.type()).isEqualTo(ImageType.JPEG);
        assertThat(new int[] {jpeg.width(), jpeg.height(), jpeg.orientation()}).containsExactly(400, 300, 1);
        assertThat(jpeg.metadata()).isEqualTo(EmbeddedMetadata.NONE);

        InspectedImage png = ImageInspector.inspect(PNG, "image/png", "chart.png");
        assertThat(png.type()).isEqualTo(ImageType.PNG);
        assertThat(new int[] {png.width(), png.height()}).containsExactly(320, 200);

        InspectedImage webp = ImageInspector.inspect(WEBP, null, null);
        assertThat(webp.type()).isEqualTo(ImageType.WEBP);
        assertThat(new int[] {webp.width(), webp.height()}).containsExactly(300, 240);
    }

    @Test
    void takesNoClaimFromOctetStreamBlankOrUnknownExtensionsAndKnowsJpegAliases() throws Exception {
        assertThat(ImageInspector.inspect(JPEG, "application/octet-stream", "upload").type()).isEqualTo(ImageType.JPEG);
        assertThat(ImageInspector.inspect(JPEG, " ", "blob.tmp").type()).isEqualTo(ImageType.JPEG);
        assertThat(ImageInspector.inspect(JPEG, "image/jpg", "x.jpeg").type()).isEqualTo(ImageType.JPEG);
        assertThat(ImageInspector.inspect(PNG, "IMAGE/PNG; charset=binary", "C:\\pics\\a.PNG").type())
                .isEqualTo(ImageType.PNG);
    }

    @Test
    void refusesAnEmptyFile() {
        assertRefused(new byte[0], null, "a.jpg", "empty_file");
        assertRefused(null, null, null, "empty_file");
    }

    @Test
    void refusesAFileAboveFiftyMegabytes() {
        byte[] big = Arrays.copyOf(JPEG, (int) ImageInspector.MAX_BYTES + 1);
        assertRefused(big, "image/jpeg", "big.jpg", "too_large");
    }

    @Test
    void refusesSvgInEachDisguise() throws Exception {
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                .getBytes(StandardCharsets.UTF_8);
        assertRefused(svg, "image/svg+xml", "logo.svg", "svg_refused");
        assertRefused(svg, "image/png", "logo.png", "svg_refused");
        byte[] xml = "\uFEFF  <?xml version=\"1.0\"?>\n<svg/>".getBytes(StandardCharsets.UTF_8);
        assertRefused(xml, null, null, "svg_refused");
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(svg);
        }
        assertRefused(gz.toByteArray(), null, "logo.svgz", "svg_refused");
        byte[] commented = "<!-- made by hand --><svg/>".getBytes(StandardCharsets.UTF_8);
        assertRefused(commented, null, "drawing.svg", "svg_refused");
    }

    @Test
    void refusesOtherTypes() {
        byte[] html = "<!DOCTYPE html><html><body><img src=x onerror=alert(1)></body></html>"
                .getBytes(StandardCharsets.UTF_8);
        assertRefused(html, "image/jpeg", "photo.jpg", "unsupported_type");
        assertRefused("GIF89a....".getBytes(StandardCharsets.US_ASCII), null, null, "unsupported_type");
    }

    @Test
    void refusesANameOrDeclaredTypeThatSaysAnotherType() {
        assertRefused(JPEG, null, "holiday.png", "type_mismatch");
        assertRefused(JPEG, "image/jpeg", "holiday.png", "type_mismatch");
        assertRefused(PNG, "image/jpeg", null, "type_mismatch");
        assertRefused(WEBP, "image/webp", "pic.gif", "type_mismatch");
    }

    @Test
    void refusesTooManyPixelsFromTheHeaderAlone() {
        // 60000 x 60000 = 3.6 gigapixels: a few hundred bytes that would take 14 GB to decode.
        assertRefused(png(60_000, 60_000), "image/png", "bomb.png", "too_many_pixels");
    }

    @Test
    void refusesBytesThatDoNotDecode() {
        assertRefused(Arrays.copyOf(JPEG, JPEG.length * 6 / 10), "image/jpeg", "cut.jpg", "corrupt_image");
        assertRefused(Arrays.copyOf(PNG, PNG.length / 2), "image/png", "cut.png", "corrupt_image");
        assertRefused(Arrays.copyOf(WEBP, WEBP.length / 2), "image/webp", "cut.webp", "corrupt_image");
        byte[] garbage = new byte[4000];
        new java.util.Random(7).nextBytes(garbage);
        garbage[0] = (byte) 0xFF;
        garbage[1] = (byte) 0xD8;
        garbage[2] = (byte) 0xFF;
        assertRefused(garbage, null, null, "corrupt_image");
        byte[] noPixels = Arrays.copyOf(png(10, 10), 33 + 12); // header and IEND only
        assertRefused(noPixels, null, null, "corrupt_image");
    }

    @Test
    void appliesExifOrientationToTheDisplayedSize() throws Exception {
        InspectedImage turned = ImageInspector.inspect(Pictures.withExif(JPEG, 6, false), null, null);
        assertThat(new int[] {turned.width(), turned.height(), turned.orientation()}).containsExactly(300, 400, 6);
        InspectedImage upsideDown = ImageInspector.inspect(Pictures.withExif(JPEG, 3, false), null, null);
        assertThat(new int[] {upsideDown.width(), upsideDown.height()}).containsExactly(400, 300);
    }

    @Test
    void readsCaptionCreditBylineCopyrightAndDateFromXmpThenIptcThenExif() throws Exception {
        byte[] tagged = MetadataFixture.taggedJpeg(JPEG);
        EmbeddedMetadata metadata = ImageInspector.inspect(tagged, "image/jpeg", "tagged.jpg").metadata();
        assertThat(metadata.headline()).isEqualTo("XMP headline wins over IIM");
        assertThat(metadata.caption()).isEqualTo("Crowds gather in the square – IIM caption");
        assertThat(metadata.credit()).isEqualTo("Dateline Pictures");
        assertThat(metadata.byline()).isEqualTo("Ana Ruiz");
        assertThat(metadata.copyright()).isEqualTo("Exif Copyright");
        assertThat(metadata.created()).isEqualTo(Instant.parse("2024-03-15T09:15:30Z"));
    }

    @Test
    void readsFieldsFromIptcAloneAndExifAlone() throws Exception {
        byte[] iimOnly = Pictures.withIptc(JPEG, List.of(
                Pictures.iptc(IptcTypes.BYLINE, "First Photographer"), Pictures.iptc(IptcTypes.BYLINE, "Second"),
                Pictures.iptc(IptcTypes.COPYRIGHT_NOTICE, "(c) Agency"),
                Pictures.iptc(IptcTypes.DATE_CREATED, "20230102")));
        EmbeddedMetadata iim = ImageInspector.inspect(iimOnly, null, null).metadata();
        assertThat(iim.byline()).isEqualTo("First Photographer, Second");
        assertThat(iim.copyright()).isEqualTo("(c) Agency");
        assertThat(iim.created()).isEqualTo(Instant.parse("2023-01-02T00:00:00Z"));
        assertThat(iim.headline()).isNull();

        EmbeddedMetadata exif = ImageInspector.inspect(Pictures.withExif(JPEG, 1, true), null, null).metadata();
        assertThat(exif.byline()).isEqualTo("Exif Artist");
        assertThat(exif.copyright()).isEqualTo("Exif Copyright");
        assertThat(exif.caption()).isNull();
    }

    @Test
    void keepsLibwebpsReaderOutOfImageIo() {
        Codecs.reader(ImageType.WEBP).dispose();
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("webp");
        assertThat(readers.hasNext()).isTrue();
        while (readers.hasNext()) {
            assertThat(readers.next().getClass().getName()).startsWith("com.twelvemonkeys.");
        }
    }

    private static void assertRefused(byte[] bytes, String declared, String name, String code) {
        assertThatThrownBy(() -> ImageInspector.inspect(bytes, declared, name))
                .isInstanceOfSatisfying(ImageRefusal.class, refusal -> {
                    assertThat(refusal.code()).isEqualTo(code);
                    assertThat(refusal.getMessage()).doesNotContain("Exception", "twelvemonkeys", "javax");
                });
    }

    /** A valid PNG (signature, IHDR, one IDAT of a single row, IEND) whose header claims width x height. */
    static byte[] png(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        Deflater deflater = new Deflater();
        deflater.setInput(new byte[1 + 3 * Math.min(width, 16)]);
        deflater.finish();
        byte[] idat = new byte[256];
        idat = Arrays.copyOf(idat, deflater.deflate(idat));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IDAT", idat);
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(name);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}

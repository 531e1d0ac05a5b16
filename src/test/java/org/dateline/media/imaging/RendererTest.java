package org.dateline.media.imaging;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.xmp.XmpDirectory;
import org.junit.jupiter.api.Test;
import java.awt.Color;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RendererTest {

    private static final int BLUE = 0x1030E0;
    private static final int GREEN = 0x10C020;
    private static final CreditLine CREDIT = new CreditLine("Dateline Pictures", "Ana Ruiz", "© 2024 Dateline");

    @Test
    void rendersEachInputTypeAsJpegAndWebp() throws Exception {
        BufferedImage photo = Pictures.photo(640, 480);
        for (byte[] original : List.of(Pictures.jpeg(photo), Pictures.png(photo), Pictures.webp(photo))) {
            for (OutputFormat format : OutputFormat.values()) {
                Rendition rendition = Renderer.render(original,
                        new RenditionRequest(Crop.ORIGINAL, 0.5, 0.5, 320, format), CREDIT);
                assertThat(rendition.contentType()).isEqualTo(format.contentType());
                assertThat(new int[] {rendition.width(), rendition.height()}).containsExactly(320, 240);
                InspectedImage back = ImageInspector.inspect(rendition.bytes(), format.contentType(), null);
                assertThat(back.type().contentType()).isEqualTo(format.contentType());
                assertThat(new int[] {back.width(), back.height()}).containsExactly(320, 240);
                BufferedImage pixels = Pictures.decode(rendition.bytes());
                // The gradient survives: the same place, the same colour as the original's (lossy, so near).
                int expected = photo.getRGB(400, 300) & 0xFFFFFF;
                assertThat(Pictures.near(pixels, 200, 150, expected, 20)).as("%s to %s", original[1], format).isTrue();
            }
        }
    }

    @Test
    void appliesExifOrientationSixTurningThePictureRight() throws Exception {
        // Stored 240 x 160 with a blue block in its top-left corner; orientation 6 shows it turned a quarter right,
        // 160 x 240, the block in the top-right corner.
        BufferedImage stored = Pictures.plain(240, 160, Color.WHITE, new int[] {0, 0, 60, 40, BLUE});
        byte[] original = Pictures.withExif(Pictures.jpeg(stored), 6, false);
        for (OutputFormat format : OutputFormat.values()) {
            Rendition rendition = Renderer.render(original,
                    new RenditionRequest(Crop.ORIGINAL, 0.5, 0.5, 160, format), null);
            assertThat(new int[] {rendition.width(), rendition.height()}).containsExactly(160, 240);
            BufferedImage shown = Pictures.decode(rendition.bytes());
            assertThat(new int[] {shown.getWidth(), shown.getHeight()}).containsExactly(160, 240);
            assertThat(Pictures.near(shown, 150, 10, BLUE, 40)).isTrue();
            assertThat(Pictures.near(shown, 10, 10, 0xFFFFFF, 10)).isTrue();
            assertThat(Pictures.near(shown, 150, 230, 0xFFFFFF, 10)).isTrue();
            // Nothing says to turn it again: the rendition carries no orientation.
            assertThat(ImageInspector.inspect(rendition.bytes(), null, null).orientation()).isEqualTo(1);
        }
    }

    @Test
    void keepsTheMarkedSpotInFrameForEveryCropWithTheWindowPushedInsideThePicture() throws Exception {
        // 1200 x 800; a blue spot near the right edge (the focal point) and a green one at the far left.
        BufferedImage picture = Pictures.plain(1200, 800, Color.WHITE,
                new int[] {1030, 130, 40, 40, BLUE}, new int[] {20, 380, 40, 40, GREEN});
        byte[] original = Pictures.png(picture);
        int[][] cropSizes = {{1200, 800}, {1200, 675}, {1066, 800}, {800, 800}};
        for (Crop crop : Crop.values()) {
            int[] size = cropSizes[crop.ordinal()];
            assertThat(crop.cropSize(1200, 800)).containsExactly(size);
            Rendition rendition = Renderer.render(original,
                    new RenditionRequest(crop, 1050 / 1200.0, 150 / 800.0, 200, OutputFormat.JPEG), null);
            BufferedImage shown = Pictures.decode(rendition.bytes());
            double scale = 200.0 / size[0];
            assertThat(rendition.height()).isEqualTo((int) Math.round(size[1] * scale));
            // The window is as far right as it goes (the spot is near the edge) and as high as it goes.
            int left = 1200 - size[0];
            int spotX = (int) ((1050 - left) * scale);
            int spotY = (int) (150 * scale);
            assertThat(Pictures.near(shown, spotX, spotY, BLUE, 40)).as(crop.name()).isTrue();
            boolean greenInFrame = left <= 40;
            assertThat(contains(shown, GREEN)).as(crop.name()).isEqualTo(greenInFrame);
        }
    }

    @Test
    void centresTheWindowOnTheFocalPointWhenItFits() throws Exception {
        BufferedImage picture = Pictures.plain(1200, 800, Color.WHITE, new int[] {580, 380, 40, 40, BLUE});
        Rendition square = Renderer.render(Pictures.png(picture),
                new RenditionRequest(Crop.SQUARE, 0.5, 0.5, 100, OutputFormat.WEBP), null);
        BufferedImage shown = Pictures.decode(square.bytes());
        assertThat(Pictures.near(shown, 50, 50, BLUE, 40)).isTrue();
        assertThat(Pictures.near(shown, 50, 40, 0xFFFFFF, 30)).isTrue();
    }

    @Test
    void neverUpscales() throws Exception {
        byte[] original = Pictures.jpeg(Pictures.photo(1200, 800));
        assertThatThrownBy(() -> Renderer.render(original,
                new RenditionRequest(Crop.ORIGINAL, 0.5, 0.5, 1201, OutputFormat.JPEG), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Renderer.render(original,
                new RenditionRequest(Crop.SQUARE, 0.5, 0.5, 801, OutputFormat.WEBP), null))
                .isInstanceOf(IllegalArgumentException.class);
        Rendition full = Renderer.render(original, new RenditionRequest(Crop.SQUARE, 0.5, 0.5, 800,
                OutputFormat.JPEG), null);
        assertThat(new int[] {full.width(), full.height()}).containsExactly(800, 800);
    }

    @Test
    void flattensAlphaOnWhiteInJpegAndKeepsItInWebp() throws Exception {
        BufferedImage clear = new BufferedImage(400, 200, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 200; y++) {
            for (int x = 200; x < 400; x++) {
                clear.setRGB(x, y, 0xFFD02020);
            }
        }
        byte[] original = Pictures.png(clear);
        BufferedImage jpeg = Pictures.decode(Renderer.render(original,
                new RenditionRequest(Crop.ORIGINAL, 0.5, 0.5, 200, OutputFormat.JPEG), null).bytes());
        assertThat(Pictures.near(jpeg, 20, 50, 0xFFFFFF, 6)).isTrue();
        assertThat(Pictures.near(jpeg, 180, 50, 0xD02020, 30)).isTrue();
        BufferedImage webp = Pictures.decode(Renderer.render(original,
                new RenditionRequest(Crop.ORIGINAL, 0.5, 0.5, 200, OutputFormat.WEBP), CREDIT).bytes());
        assertThat(webp.getColorModel().hasAlpha()).isTrue();
        assertThat(Pictures.rgb(webp, 20, 50)[3]).isZero();
        assertThat(Pictures.rgb(webp, 180, 50)[3]).isEqualTo(255);
        assertThat(Pictures.near(webp, 180, 50, 0xD02020, 30)).isTrue();
    }

    @Test
    void convertsAnEmbeddedIccProfileToSrgbAndDropsIt() throws Exception {
        // Linear-light RGB 55 is sRGB 128: a decoder that ignored the profile would show 55.
        BufferedImage linear = Pictures.plain(320, 240, new Color(55, 55, 55));
        byte[] profile = ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData();
        byte[] app2 = new byte[14 + profile.length];
        System.arraycopy("ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII), 0, app2, 0, 12);
        app2[12] = 1;
        app2[13] = 1;
        System.arraycopy(profile, 0, app2, 14, profile.length);
        byte[] original = XmpCredit.insertJpegSegment(Pictures.jpeg(linear), 0xE2, app2);
        for (OutputFormat format : OutputFormat.values()) {
            Rendition rendition = Renderer.render(original,
                    new RenditionRequest(Crop.ORIGINAL, 0.5, 0.5, 160, format), null);
            assertThat(Pictures.rgb(Pictures.decode(rendition.bytes()), 80, 60)[1]).isBetween(122, 134);
            assertThat(directoryNames(rendition.bytes())).noneMatch(name -> name.contains("ICC"));
        }
    }

    @Test
    void stripsExifGpsAndIptcAndCarriesOnlyTheCreditLineAsXmp() throws Exception {
        byte[] original = MetadataFixture.taggedJpeg(Pictures.jpeg(Pictures.photo(800, 600)));
        assertThat(directoryNames(original)).contains("GPS", "IPTC", "Exif IFD0", "XMP");
        for (OutputFormat format : OutputFormat.values()) {
            Rendition rendition = Renderer.render(original,
                    new RenditionRequest(Crop.WIDE, 0.5, 0.5, 640, format), CREDIT);
            List<String> names = directoryNames(rendition.bytes());
            assertThat(names).as(format.name()).contains("XMP")
                    .noneMatch(name -> name.startsWith("GPS") || name.startsWith("IPTC") || name.startsWith("Exif")
                            || name.startsWith("Photoshop") || name.contains("Thumbnail"));
            Map<String, String> xmp = metadata(rendition.bytes()).getFirstDirectoryOfType(XmpDirectory.class)
                    .getXmpProperties();
            assertThat(xmp).containsEntry("dc:creator[1]", "Ana Ruiz")
                    .containsEntry("dc:rights[1]", "© 2024 Dateline")
                    .containsEntry("photoshop:Credit", "Dateline Pictures");
            assertThat(xmp.keySet()).noneMatch(key -> key.startsWith("photoshop:Headline")
                    || key.startsWith("dc:description") || key.startsWith("photoshop:DateCreated"));
            EmbeddedMetadata read = ImageInspector.inspect(rendition.bytes(), null, null).metadata();
            assertThat(read).isEqualTo(new EmbeddedMetadata(null, null, "Dateline Pictures", "Ana Ruiz",
                    "© 2024 Dateline", null));
        }
    }

    @Test
    void refusesAnOriginalThatDoesNotDecode() {
        byte[] jpeg = Pictures.jpeg(Pictures.photo(400, 300));
        byte[] cut = java.util.Arrays.copyOf(jpeg, jpeg.length / 2);
        assertThatThrownBy(() -> Renderer.render(cut,
                new RenditionRequest(Crop.ORIGINAL, 0.5, 0.5, 100, OutputFormat.JPEG), null))
                .isInstanceOfSatisfying(ImageRefusal.class, r -> assertThat(r.code()).isEqualTo("corrupt_image"));
    }

    private static boolean contains(BufferedImage image, int rgb) {
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                if (Pictures.near(image, x, y, rgb, 40)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Metadata metadata(byte[] bytes) throws Exception {
        return ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes), bytes.length);
    }

    /** The metadata directories in a file, except the format's own (its header, JFIF, Huffman tables, WebP). */
    private static List<String> directoryNames(byte[] bytes) throws Exception {
        List<String> names = new ArrayList<>();
        for (Directory directory : metadata(bytes).getDirectories()) {
            names.add(directory.getName());
        }
        return names;
    }
}

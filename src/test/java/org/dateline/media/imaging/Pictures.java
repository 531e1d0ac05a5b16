package org.dateline.media.imaging;

import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.jpeg.iptc.IptcRecord;
import org.apache.commons.imaging.formats.jpeg.iptc.IptcTypes;
import org.apache.commons.imaging.formats.jpeg.iptc.JpegIptcRewriter;
import org.apache.commons.imaging.formats.jpeg.iptc.PhotoshopApp13Data;
import org.apache.commons.imaging.formats.jpeg.xmp.JpegXmpRewriter;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputDirectory;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;
import com.luciad.imageio.webp.WebPImageReaderSpi;
import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Random;

/** Test pictures made in code: photo-like pixels, encoded, with metadata written by Apache Commons Imaging. */
final class Pictures {

    private Pictures() {
    }

    /** Smooth gradients with a little noise, like a photo (JPEG and WebP compress it as they would one). */
    static BufferedImage photo(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random noise = new Random(42);
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = 60 + 120 * x / width + noise.nextInt(12);
                int g = 80 + 100 * y / height + noise.nextInt(12);
                int b = 140 + (int) (60 * Math.sin((x + y) / 97.0)) + noise.nextInt(12);
                row[x] = (r << 16) | (g << 8) | b;
            }
            image.setRGB(0, y, width, 1, row, 0, width);
        }
        return image;
    }

    /** A plain picture of one colour with rectangles of others: {x, y, w, h, rgb} each. */
    static BufferedImage plain(int width, int height, Color background, int[]... spots) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(background);
        g.fillRect(0, 0, width, height);
        for (int[] spot : spots) {
            g.setColor(new Color(spot[4]));
            g.fillRect(spot[0], spot[1], spot[2], spot[3]);
        }
        g.dispose();
        return image;
    }

    static byte[] jpeg(BufferedImage image) {
        ImageWriter writer = Codecs.writer(OutputFormat.JPEG);
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.95f);
        return write(writer, image, param);
    }

    static byte[] webp(BufferedImage image) {
        ImageWriter writer = Codecs.writer(OutputFormat.WEBP);
        return write(writer, image, writer.getDefaultWriteParam());
    }

    static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] write(ImageWriter writer, BufferedImage image, ImageWriteParam param) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /**
     * Decoded to check what the pipeline wrote: JPEG and PNG with the pipeline's own readers, WebP with libwebp's
     * reference decoder (these are our own bytes, not an upload), because TwelveMonkeys 3.14.0 decodes some lossy
     * WebP with a colour cast (its issues 734, 785, 864) that would hide what the encoder did.
     */
    static BufferedImage decode(byte[] bytes) throws Exception {
        if (FileTypes.sniff(bytes) == ImageType.WEBP) {
            ImageReader reference = new WebPImageReaderSpi().createReaderInstance();
            try (ImageInputStream in = new ByteArrayImageInputStream(bytes)) {
                reference.setInput(in);
                return reference.read(0);
            } finally {
                reference.dispose();
            }
        }
        try (Decoder decoder = Decoder.open(bytes, FileTypes.sniff(bytes))) {
            return decoder.read(null, 1);
        }
    }

    /** The JPEG with EXIF: an orientation, and optionally GPS, artist and copyright. */
    static byte[] withExif(byte[] jpeg, int orientation, boolean gps) throws Exception {
        TiffOutputSet exif = new TiffOutputSet();
        TiffOutputDirectory root = exif.getOrCreateRootDirectory();
        root.add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) orientation);
        if (gps) {
            root.add(TiffTagConstants.TIFF_TAG_ARTIST, "Exif Artist");
            root.add(TiffTagConstants.TIFF_TAG_COPYRIGHT, "Exif Copyright");
            exif.setGpsInDegrees(2.3522, 48.8566);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ExifRewriter().updateExifMetadataLossless(jpeg, out, exif);
        return out.toByteArray();
    }

    static byte[] withIptc(byte[] jpeg, List<IptcRecord> records) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JpegIptcRewriter().writeIptc(jpeg, out, new PhotoshopApp13Data(records, List.of()));
        return out.toByteArray();
    }

    static IptcRecord iptc(IptcTypes type, String value) {
        return new IptcRecord(type, value);
    }

    static byte[] withXmp(byte[] jpeg, String xmp) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JpegXmpRewriter().updateXmpXml(jpeg, out, xmp);
        return out.toByteArray();
    }

    static int[] rgb(BufferedImage image, int x, int y) {
        int argb = image.getRGB(x, y);
        return new int[] {(argb >> 16) & 0xFF, (argb >> 8) & 0xFF, argb & 0xFF, argb >>> 24};
    }

    /** Within {@code tolerance} of r, g, b on every channel (lossy codecs move colours a little). */
    static boolean near(BufferedImage image, int x, int y, int rgb, int tolerance) {
        int[] p = rgb(image, x, y);
        return Math.abs(p[0] - ((rgb >> 16) & 0xFF)) <= tolerance && Math.abs(p[1] - ((rgb >> 8) & 0xFF)) <= tolerance
                && Math.abs(p[2] - (rgb & 0xFF)) <= tolerance;
    }
}

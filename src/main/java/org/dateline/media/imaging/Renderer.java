package org.dateline.media.imaging;

import com.luciad.imageio.webp.CompressionType;
import com.luciad.imageio.webp.WebPWriteParam;
import javax.imageio.IIOImage;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Makes a rendition of an inspected original: the crop around the focal point, scaled down and encoded afresh.
 * Nothing of the original's metadata is copied (no EXIF, GPS, IPTC, ICC, comments or thumbnails): the pixels are
 * re-encoded and only the credit line is added, as XMP.
 * <p>
 * Memory: only the crop's region of the stored pixels is decoded, subsampled while it stays at least twice the
 * target size, so a 320-pixel rendition of a 24-megapixel photo never holds the full picture; the largest
 * renditions decode the region at full size once.
 */
public final class Renderer {

    static final float JPEG_QUALITY = 0.82f;
    static final float WEBP_QUALITY = 0.80f;

    private Renderer() {
    }

    /**
     * Decodes the original (already inspected), applies EXIF orientation, crops to the aspect around the focal point
     * (0..1 of the displayed picture; the crop window is the largest of that aspect, centred on the point and moved
     * inside the picture), scales to {@code width} and encodes, with the credit line as XMP.
     *
     * @throws IllegalArgumentException when {@code width} is above the crop's width (renditions never upscale)
     * @throws ImageRefusal when the original is not a picture that inspection would pass
     */
    public static Rendition render(byte[] original, RenditionRequest request, CreditLine credit)
            throws ImageRefusal {
        ImageType type = FileTypes.sniff(original);
        int orientation = MetadataReading.read(original).orientation();
        boolean swap = Orientation.swapsSides(orientation);
        BufferedImage scaled;
        int width = request.width();
        int height;
        try (Decoder decoder = Decoder.open(original, type)) {
            int[] stored = decoder.storedSize();
            if ((long) stored[0] * stored[1] > ImageInspector.MAX_PIXELS) {
                throw new ImageRefusal(ImageRefusal.TOO_MANY_PIXELS, "The picture has too many pixels.");
            }
            int displayedWidth = swap ? stored[1] : stored[0];
            int displayedHeight = swap ? stored[0] : stored[1];
            int[] crop = request.crop().cropSize(displayedWidth, displayedHeight);
            if (width > crop[0]) {
                throw new IllegalArgumentException("a rendition " + width + " pixels wide would upscale a "
                        + crop[0] + "-pixel crop");
            }
            height = (int) Math.max(1, Math.round((double) width * crop[1] / crop[0]));
            Rectangle window = window(displayedWidth, displayedHeight, crop, request.focalX(), request.focalY());
            Rectangle region = Orientation.storedRegion(orientation, displayedWidth, displayedHeight, window);
            int targetWidth = swap ? height : width;
            int targetHeight = swap ? width : height;
            int subsampling = Math.max(1, Math.min(region.width / (2 * targetWidth),
                    region.height / (2 * targetHeight)));
            BufferedImage pixels = Scaling.toSrgb(decoder.read(region, subsampling));
            scaled = Scaling.scale(pixels, targetWidth, targetHeight, request.format() == OutputFormat.WEBP);
        }
        BufferedImage displayed = Orientation.apply(orientation, scaled);
        byte[] bytes = encode(displayed, request.format(), credit == null ? CreditLine.NONE : credit);
        return new Rendition(bytes, request.format().contentType(), width, height);
    }

    /** The crop window: cropWidth x cropHeight centred on the focal point, moved inside the picture. */
    static Rectangle window(int width, int height, int[] crop, double focalX, double focalY) {
        int x = (int) Math.round(focalX * width - crop[0] / 2.0);
        int y = (int) Math.round(focalY * height - crop[1] / 2.0);
        x = Math.max(0, Math.min(x, width - crop[0]));
        y = Math.max(0, Math.min(y, height - crop[1]));
        return new Rectangle(x, y, crop[0], crop[1]);
    }

    private static byte[] encode(BufferedImage image, OutputFormat format, CreditLine credit) {
        ImageWriter writer = Codecs.writer(format);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), writeParam(writer, format));
        } catch (IOException e) {
            throw new UncheckedIOException("a rendition could not be encoded", e);
        } finally {
            writer.dispose();
        }
        byte[] encoded = bytes.toByteArray();
        if (credit.isEmpty()) {
            return encoded;
        }
        byte[] packet = XmpCredit.packet(credit);
        return format == OutputFormat.JPEG
                ? XmpCredit.intoJpeg(encoded, packet)
                : XmpCredit.intoWebp(encoded, packet, image.getWidth(), image.getHeight(),
                        image.getColorModel().hasAlpha());
    }

    private static ImageWriteParam writeParam(ImageWriter writer, OutputFormat format) {
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        if (format == OutputFormat.WEBP) {
            ((WebPWriteParam) param).setCompressionType(CompressionType.Lossy);
            param.setCompressionQuality(WEBP_QUALITY);
        } else {
            param.setCompressionQuality(JPEG_QUALITY);
            ((JPEGImageWriteParam) param).setOptimizeHuffmanTables(true);
        }
        return param;
    }
}

package org.dateline.media.imaging;

import com.adobe.internal.xmp.XMPException;
import com.adobe.internal.xmp.XMPMeta;
import com.adobe.internal.xmp.XMPMetaFactory;
import com.adobe.internal.xmp.options.PropertyOptions;
import com.adobe.internal.xmp.options.SerializeOptions;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The one piece of metadata a rendition carries: its credit line as an XMP packet (dc:creator, dc:rights,
 * photoshop:Credit), written by Adobe's XMP library and placed in the file by hand: in JPEG an APP1 segment after
 * JFIF's APP0, in WebP an {@code XMP } chunk of the extended format (the encoder writes no metadata itself).
 */
final class XmpCredit {

    private static final String NS_DC = "http://purl.org/dc/elements/1.1/";
    private static final String NS_PHOTOSHOP = "http://ns.adobe.com/photoshop/1.0/";
    private static final byte[] JPEG_XMP_ID = "http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.US_ASCII);
    /** Keeps the packet well inside one JPEG segment (64 KB) whatever the caller passes. */
    private static final int MAX_FIELD = 2000;

    private XmpCredit() {
    }

    static byte[] packet(CreditLine credit) {
        try {
            XMPMeta xmp = XMPMetaFactory.create();
            if (present(credit.byline())) {
                xmp.appendArrayItem(NS_DC, "creator", new PropertyOptions()
                        .setArrayOrdered(true), field(credit.byline()), null);
            }
            if (present(credit.copyright())) {
                xmp.setLocalizedText(NS_DC, "rights", null, "x-default", field(credit.copyright()));
            }
            if (present(credit.credit())) {
                xmp.setProperty(NS_PHOTOSHOP, "Credit", field(credit.credit()));
            }
            return XMPMetaFactory.serializeToBuffer(xmp, new SerializeOptions()
                    .setUseCompactFormat(true).setPadding(0).setOmitPacketWrapper(false));
        } catch (XMPException e) {
            throw new IllegalStateException("the credit line could not be written as XMP", e);
        }
    }

    /** The JPEG with the packet as an APP1 segment. */
    static byte[] intoJpeg(byte[] jpeg, byte[] packet) {
        byte[] payload = new byte[JPEG_XMP_ID.length + packet.length];
        System.arraycopy(JPEG_XMP_ID, 0, payload, 0, JPEG_XMP_ID.length);
        System.arraycopy(packet, 0, payload, JPEG_XMP_ID.length, packet.length);
        return insertJpegSegment(jpeg, 0xE1, payload);
    }

    /** The JPEG with one more segment right after SOI, or after JFIF's APP0 when there is one (it must come first). */
    static byte[] insertJpegSegment(byte[] jpeg, int marker, byte[] payload) {
        int at = 2;
        if ((jpeg[2] & 0xFF) == 0xFF && (jpeg[3] & 0xFF) == 0xE0) {
            at = 4 + (((jpeg[4] & 0xFF) << 8) | (jpeg[5] & 0xFF));
        }
        int length = 2 + payload.length;
        if (length > 0xFFFF) {
            throw new IllegalArgumentException("a JPEG segment holds at most 65533 bytes: " + payload.length);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length + length + 2);
        out.write(jpeg, 0, at);
        out.write(0xFF);
        out.write(marker);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(payload);
        out.write(jpeg, at, jpeg.length - at);
        return out.toByteArray();
    }

    /**
     * The WebP with the packet as an {@code XMP } chunk. A simple file ({@code VP8 } or {@code VP8L} alone) becomes
     * an extended one: a {@code VP8X} chunk first, saying the canvas size and that XMP (and alpha) follow.
     */
    static byte[] intoWebp(byte[] webp, byte[] packet, int width, int height, boolean alpha) {
        ByteBuffer in = ByteBuffer.wrap(webp).order(ByteOrder.LITTLE_ENDIAN);
        int riffEnd = Math.min(webp.length, 8 + in.getInt(4));
        boolean extended = webp[12] == 'V' && webp[13] == 'P' && webp[14] == '8' && webp[15] == 'X';
        int chunkPad = packet.length % 2;
        int extra = 8 + packet.length + chunkPad + (extended ? 0 : 18);
        ByteBuffer out = ByteBuffer.allocate(riffEnd + extra).order(ByteOrder.LITTLE_ENDIAN);
        out.put(webp, 0, 12);
        out.putInt(4, riffEnd + extra - 8);
        if (extended) {
            out.put(webp, 12, riffEnd - 12);
            out.put(20, (byte) (webp[20] | 0x04));
        } else {
            out.put("VP8X".getBytes(StandardCharsets.US_ASCII)).putInt(10);
            out.put((byte) (0x04 | (alpha ? 0x10 : 0))).put((byte) 0).put((byte) 0).put((byte) 0);
            putUint24(out, width - 1);
            putUint24(out, height - 1);
            out.put(webp, 12, riffEnd - 12);
        }
        out.put("XMP ".getBytes(StandardCharsets.US_ASCII)).putInt(packet.length).put(packet);
        if (chunkPad == 1) {
            out.put((byte) 0);
        }
        return out.array();
    }

    private static void putUint24(ByteBuffer out, int value) {
        out.put((byte) value).put((byte) (value >> 8)).put((byte) (value >> 16));
    }

    private static boolean present(String value) {
        return MetadataReading.clean(value) != null;
    }

    private static String field(String value) {
        String cleaned = MetadataReading.clean(value);
        return cleaned.length() > MAX_FIELD ? cleaned.substring(0, MAX_FIELD) : cleaned;
    }
}

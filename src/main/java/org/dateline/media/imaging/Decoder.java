package org.dateline.media.imaging;

import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;

/**
 * One file open in the decoder for its type: the stored size from the header alone, then the pixels of a region,
 * subsampled. A decoder's complaint, thrown or only warned (a JPEG cut short decodes to grey with a warning), makes
 * the file corrupt: nothing is decoded on a best-effort basis.
 */
final class Decoder implements AutoCloseable {

    private final ImageReader reader;
    private final ByteArrayImageInputStream input;
    private String warning;

    private Decoder(ImageReader reader, ByteArrayImageInputStream input) {
        this.reader = reader;
        this.input = input;
        reader.addIIOReadWarningListener(new IIOReadWarningListener() {
            @Override
            public void warningOccurred(ImageReader source, String message) {
                if (warning == null) {
                    warning = message;
                }
            }
        });
    }

    static Decoder open(byte[] bytes, ImageType type) {
        ByteArrayImageInputStream input = new ByteArrayImageInputStream(bytes);
        ImageReader reader = Codecs.reader(type);
        reader.setInput(input, true, true);
        return new Decoder(reader, input);
    }

    /** Width and height of the stored pixels, read from the header without decoding them. */
    int[] storedSize() throws ImageRefusal {
        try {
            return new int[] {reader.getWidth(0), reader.getHeight(0)};
        } catch (IOException | RuntimeException e) {
            throw corrupt();
        }
    }

    /** The pixels of a region of the stored image, every {@code subsampling}-th each way. */
    BufferedImage read(Rectangle region, int subsampling) throws ImageRefusal {
        ImageReadParam param = reader.getDefaultReadParam();
        if (region != null) {
            param.setSourceRegion(region);
        }
        param.setSourceSubsampling(subsampling, subsampling, 0, 0);
        BufferedImage image;
        try {
            image = reader.read(0, param);
        } catch (IOException | RuntimeException e) {
            throw corrupt();
        }
        if (warning != null) {
            throw corrupt();
        }
        return image;
    }

    static ImageRefusal corrupt() {
        return new ImageRefusal(ImageRefusal.CORRUPT_IMAGE,
                "The picture could not be read: the file is damaged or incomplete.");
    }

    @Override
    public void close() {
        reader.dispose();
        try {
            input.close();
        } catch (IOException ignored) {
            // an in-memory stream has nothing to release
        }
    }
}

package org.dateline.media.imaging;

import com.luciad.imageio.webp.WebPImageWriterSpi;
import com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi;
import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriter;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.spi.ImageWriterSpi;
import javax.imageio.spi.ServiceRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The decoders and encoders, picked by class and never by ImageIO's guess: untrusted bytes are decoded only by the
 * pure-Java readers (TwelveMonkeys for JPEG and WebP, the JDK's for PNG); libwebp only encodes what we drew.
 * <p>
 * The providers are taken from ImageIO's registry when its class-path scan found them and registered here when it
 * did not (the scan follows the context class loader, which a fat jar or a server thread may set otherwise).
 * libwebp's own reader is taken out of the registry once, so nothing in the process decodes untrusted WebP with it.
 */
final class Codecs {

    private static final String NATIVE_WEBP_PACKAGE = "com.luciad.imageio.webp.";
    private static final String JDK_PNG_READER = "com.sun.imageio.plugins.png.PNGImageReaderSpi";
    private static final String JDK_JPEG_WRITER = "com.sun.imageio.plugins.jpeg.JPEGImageWriterSpi";

    private static final ImageReaderSpi JPEG_READER;
    private static final ImageReaderSpi WEBP_READER;
    private static final ImageReaderSpi PNG_READER;
    private static final ImageWriterSpi JPEG_WRITER;
    private static final ImageWriterSpi WEBP_WRITER = new WebPImageWriterSpi();

    static {
        IIORegistry registry = IIORegistry.getDefaultInstance();
        // Collected first: deregistering while the registry's iterator runs fails (ConcurrentModificationException).
        List<ImageReaderSpi> nativeReaders = new ArrayList<>();
        Iterator<ImageReaderSpi> readers = registry.getServiceProviders(ImageReaderSpi.class, false);
        while (readers.hasNext()) {
            ImageReaderSpi spi = readers.next();
            if (spi.getClass().getName().startsWith(NATIVE_WEBP_PACKAGE)) {
                nativeReaders.add(spi);
            }
        }
        nativeReaders.forEach(spi -> registry.deregisterServiceProvider(spi, ImageReaderSpi.class));
        JPEG_READER = registered(registry, ImageReaderSpi.class, JPEGImageReaderSpi.class, new JPEGImageReaderSpi());
        WEBP_READER = registered(registry, ImageReaderSpi.class, WebPImageReaderSpi.class, new WebPImageReaderSpi());
        PNG_READER = builtIn(registry, ImageReaderSpi.class, JDK_PNG_READER);
        JPEG_WRITER = builtIn(registry, ImageWriterSpi.class, JDK_JPEG_WRITER);
    }

    private Codecs() {
    }

    /** A fresh reader for bytes already known to be of this type; the caller disposes of it. */
    static ImageReader reader(ImageType type) {
        ImageReaderSpi spi = switch (type) {
            case JPEG -> JPEG_READER;
            case PNG -> PNG_READER;
            case WEBP -> WEBP_READER;
        };
        try {
            return spi.createReaderInstance();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh encoder for renditions; the caller disposes of it. */
    static ImageWriter writer(OutputFormat format) {
        ImageWriterSpi spi = format == OutputFormat.JPEG ? JPEG_WRITER : WEBP_WRITER;
        try {
            return spi.createWriterInstance();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T, S extends T> T registered(ServiceRegistry registry, Class<T> category, Class<S> type, S fresh) {
        S found = registry.getServiceProviderByClass(type);
        if (found != null) {
            return found;
        }
        registry.registerServiceProvider(fresh, category);
        return fresh;
    }

    private static <T> T builtIn(ServiceRegistry registry, Class<T> category, String className) {
        Iterator<T> providers = registry.getServiceProviders(category, false);
        while (providers.hasNext()) {
            T spi = providers.next();
            if (spi.getClass().getName().equals(className)) {
                return spi;
            }
        }
        throw new IllegalStateException("the JDK's " + className + " is missing");
    }
}

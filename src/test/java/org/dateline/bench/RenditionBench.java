package org.dateline.bench;

import org.dateline.media.imaging.CreditLine;
import org.dateline.media.imaging.Crop;
import org.dateline.media.imaging.ImageInspector;
import org.dateline.media.imaging.InspectedImage;
import org.dateline.media.imaging.OutputFormat;
import org.dateline.media.imaging.Rendition;
import org.dateline.media.imaging.RenditionRequest;
import org.dateline.media.imaging.Renderer;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Renditions of a 24-megapixel photo: the standard widths in JPEG and WebP, time per rendition and the heap's peak.
 * Not part of the suite (its name ends in neither Test nor IT). Run by {@code bench/rendition.sh}, from the Spring
 * Boot fat jar, so it also shows which ImageIO plugins the packaged application finds and that libwebp loads from
 * the nested jar.
 * <p>
 * Args: {@code [runs] [widths...]}; default 5 runs (after 2 of warm-up) of 320 640 960 1280 1920;
 * {@code -Dbench.photo=FILE} keeps the generated photo between runs.
 */
public final class RenditionBench {

    private static final CreditLine CREDIT = new CreditLine("Dateline Pictures", "Ana Ruiz", "© 2026 Dateline");

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int[] widths = args.length > 1
                ? Arrays.stream(args, 1, args.length).mapToInt(Integer::parseInt).toArray()
                : new int[] {320, 640, 960, 1280, 1920};
        System.out.println("- class loader: " + RenditionBench.class.getClassLoader().getClass().getName());
        printPlugins("as ImageIO's scan found them");

        byte[] original = photo();
        System.gc();
        long start = System.nanoTime();
        InspectedImage inspected = ImageInspector.inspect(original, "image/jpeg", "photo.jpg");
        System.out.printf(Locale.ROOT, "- original: %d x %d JPEG, %.1f MB; inspect() %.0f ms (first call)%n",
                inspected.width(), inspected.height(), original.length / 1e6, (System.nanoTime() - start) / 1e6);
        printPlugins("after the pipeline's first use");
        System.out.println();

        System.out.println("| format | width | height | bytes | ms per rendition (median of " + runs
                + ") | heap peak MB (sum of pool peaks) |");
        System.out.println("|---|---|---|---|---|---|");
        for (OutputFormat format : OutputFormat.values()) {
            for (int width : widths) {
                RenditionRequest request = new RenditionRequest(Crop.ORIGINAL, 0.5, 0.5, width, format);
                for (int i = 0; i < 2; i++) {
                    Renderer.render(original, request, CREDIT);
                }
                long[] times = new long[runs];
                long peak = 0;
                Rendition rendition = null;
                for (int i = 0; i < runs; i++) {
                    System.gc();
                    resetPeaks();
                    long t0 = System.nanoTime();
                    rendition = Renderer.render(original, request, CREDIT);
                    times[i] = System.nanoTime() - t0;
                    peak = Math.max(peak, heapPeak());
                }
                Arrays.sort(times);
                System.out.printf(Locale.ROOT, "| %s | %d | %d | %d | %.0f | %.0f |%n", format.extension(),
                        rendition.width(), rendition.height(), rendition.bytes().length, times[runs / 2] / 1e6,
                        peak / 1048576.0);
            }
        }
        System.out.printf(Locale.ROOT, "%n- max heap (-Xmx): %d MB%n", Runtime.getRuntime().maxMemory() / 1048576);
    }

    /** Which classes ImageIO would hand out (the WebP encoder's native library shows itself by encoding below). */
    private static void printPlugins(String when) {
        List<String> writers = new ArrayList<>();
        ImageIO.getImageWritersByFormatName("webp").forEachRemaining(w -> writers.add(w.getClass().getName()));
        System.out.println("- ImageIO, " + when + ": jpeg readers " + readers("jpeg") + "; webp readers "
                + readers("webp") + "; webp writers " + writers);
    }

    private static List<String> readers(String format) {
        List<String> names = new ArrayList<>();
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        readers.forEachRemaining(r -> names.add(r.getClass().getName()));
        return names;
    }

    /**
     * The photo from {@code -Dbench.photo=FILE} when that file exists; else made here (the making holds the whole
     * picture, 96 MB, so a floor run reads the file a first run wrote) and written there when a file is named.
     */
    private static byte[] photo() throws Exception {
        String file = System.getProperty("bench.photo");
        if (file != null && Files.exists(Path.of(file))) {
            return Files.readAllBytes(Path.of(file));
        }
        byte[] made = photoJpeg(6000, 4000);
        if (file != null) {
            Files.write(Path.of(file), made);
        }
        return made;
    }

    /** A photo-like picture: gradients, soft shapes and sensor-like noise, encoded at quality 0.9. */
    static byte[] photoJpeg(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        SplittableRandom noise = new SplittableRandom(24);
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double shape = Math.sin(x / 233.0) * Math.cos(y / 171.0);
                int r = clamp(70 + 130 * x / width + (int) (40 * shape) + noise.nextInt(-9, 10));
                int g = clamp(90 + 90 * y / height + (int) (30 * Math.sin((x + 2 * y) / 97.0)) + noise.nextInt(-9, 10));
                int b = clamp(120 + (int) (70 * shape) + noise.nextInt(-9, 10));
                row[x] = (r << 16) | (g << 8) | b;
            }
            image.setRGB(0, y, width, 1, row, 0, width);
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.9f);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long heapPeak() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}

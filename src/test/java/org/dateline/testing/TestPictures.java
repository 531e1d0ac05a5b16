package org.dateline.testing;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

/** Pictures made in code for tests (the repository holds no photos), and uploads of them. */
public final class TestPictures {

    private TestPictures() {
    }

    /** A photo-like picture: a gradient with a few shapes, so encoders have something to do. */
    /**
     * Every picture made here differs from every other (test classes share a database, and the library stores the
     * same bytes once: two tests deleting "their" picture would otherwise share its original).
     */
    private static final java.util.concurrent.atomic.AtomicLong SEEDS = new java.util.concurrent.atomic.AtomicLong(
            System.nanoTime());

    public static BufferedImage image(int width, int height, long seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        java.util.Random random = new java.util.Random(seed);
        g.setPaint(new GradientPaint(0, 0, new Color(random.nextInt(0xffffff)), width, height,
                new Color(random.nextInt(0xffffff))));
        g.fillRect(0, 0, width, height);
        for (int i = 0; i < 12; i++) {
            g.setColor(new Color(random.nextInt(0xffffff)));
            g.fillOval(random.nextInt(width), random.nextInt(height), width / 6, height / 6);
        }
        g.dispose();
        return image;
    }

    public static byte[] jpeg(int width, int height) {
        return encode(image(width, height, SEEDS.incrementAndGet()), "jpg");
    }

    public static byte[] png(int width, int height) {
        return encode(image(width, height, SEEDS.incrementAndGet()), "png");
    }

    public static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("No writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** POSTs a multipart form: {@code file} with the bytes, and the text fields. */
    public static HttpResponse<String> upload(Http http, String path, String token, byte[] bytes, String fileName,
                                              String contentType, Map<String, String> fields) {
        HttpRequest.Builder request = multipart(http.base() + path, bytes, fileName, contentType, fields);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return http.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A multipart POST to {@code url}: {@code file} with the bytes, and the text fields; add headers and send. */
    public static HttpRequest.Builder multipart(String url, byte[] bytes, String fileName, String contentType,
                                                Map<String, String> fields) {
        String boundary = "----dateline" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Map<String, String> parts = new LinkedHashMap<>(fields);
        parts.forEach((name, value) -> write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n"));
        write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n");
        body.writeBytes(bytes);
        write(body, "\r\n--" + boundary + "--\r\n");
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}

package org.dateline.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.SplittableRandom;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Placeholder art for the demo content, drawn here rather than shipped: abstract illustrations, one motif per
 * section (rings, a globe, a rising chart, chevrons, orbits, a running track, a stage), which the demo stories carry
 * as lead pictures. Captions and credits say what they are: illustrations made for the demo, not photographs.
 */
final class DemoArt {

    /** The canvas the motifs are drawn on. */
    static final int WIDTH = 1600;
    static final int HEIGHT = 900;
    /**
     * The picture's size: wide enough for link previews and structured data (1,200 pixels and more), and a third
     * fewer pixels to draw and inspect than the canvas on every first start.
     */
    static final double SCALE = 0.8;

    /** A motif's palette and what it shows, in words for the alt text. */
    record Motif(String section, Color from, Color to, Color ink, String shapeEn, String shapeRu) {
    }

    static final Motif[] MOTIFS = {
        new Motif("russia", new Color(0x1d3557), new Color(0xa8dadc), new Color(0xe63946),
                "concentric rings in red over a blue gradient", "концентрические красные кольца на синем фоне"),
        new Motif("world", new Color(0x0b3954), new Color(0x087e8b), new Color(0xbfd7ea),
                "a globe drawn with meridians and parallels", "глобус из меридианов и параллелей"),
        new Motif("economy", new Color(0x283618), new Color(0x606c38), new Color(0xdda15e),
                "bars and a rising line in gold on green", "столбцы и растущая линия золотом на зелёном"),
        new Motif("defense", new Color(0x2b2d42), new Color(0x8d99ae), new Color(0xedf2f4),
                "rows of pale chevrons on slate grey", "ряды светлых шевронов на сером фоне"),
        new Motif("science", new Color(0x03045e), new Color(0x0077b6), new Color(0x90e0ef),
                "planets on elliptic orbits against deep blue", "планеты на эллиптических орбитах на тёмно-синем фоне"),
        new Motif("sport", new Color(0x9d0208), new Color(0xe85d04), new Color(0xffffff),
                "the curved lanes of a running track", "изогнутые дорожки беговой трассы"),
        new Motif("culture", new Color(0x3c096c), new Color(0x9d4edd), new Color(0xffd166),
                "a stage with drawn curtains and spotlights", "сцена с раздвинутым занавесом и прожекторами"),
    };

    private DemoArt() {
    }

    /** The motif's picture as a JPEG; {@code variant} moves and recolours its shapes a little. */
    static byte[] jpeg(Motif motif, int variant) {
        BufferedImage image = new BufferedImage((int) (WIDTH * SCALE), (int) (HEIGHT * SCALE),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.scale(SCALE, SCALE);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        SplittableRandom random = new SplittableRandom(motif.section().hashCode() * 31L + variant);
        boolean flip = variant % 2 == 1;
        g.setPaint(new GradientPaint(0, 0, flip ? motif.to() : motif.from(), WIDTH, HEIGHT,
                flip ? motif.from() : motif.to()));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(motif.ink());
        switch (motif.section()) {
            case "russia" -> rings(g, motif, random);
            case "world" -> globe(g, motif, random);
            case "economy" -> chart(g, motif, random);
            case "defense" -> chevrons(g, motif, random);
            case "science" -> orbits(g, motif, random);
            case "sport" -> track(g, motif, random);
            default -> stage(g, motif, random);
        }
        g.dispose();
        return encode(image);
    }

    private static Color alpha(Color color, int alpha) {
        return new Color(color.getRed(), color.getGreen(), color.getBlue(), alpha);
    }

    private static void rings(Graphics2D g, Motif motif, SplittableRandom random) {
        double cx = WIDTH * (0.35 + random.nextDouble() * 0.3);
        double cy = HEIGHT * (0.4 + random.nextDouble() * 0.2);
        for (int i = 9; i > 0; i--) {
            double r = i * 70;
            g.setColor(alpha(i % 2 == 0 ? motif.ink() : Color.WHITE, 60 + i * 12));
            g.setStroke(new BasicStroke(18f));
            g.draw(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
        }
    }

    private static void globe(Graphics2D g, Motif motif, SplittableRandom random) {
        double r = 360;
        double cx = WIDTH / 2.0 + random.nextInt(-200, 200);
        double cy = HEIGHT / 2.0;
        g.setColor(alpha(motif.ink(), 60));
        g.fill(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
        g.setColor(motif.ink());
        g.setStroke(new BasicStroke(5f));
        for (int i = 1; i < 7; i++) {
            double w = r * Math.cos(Math.PI / 2 * i / 7) * 2;
            g.draw(new Ellipse2D.Double(cx - w / 2, cy - r, w, 2 * r));
            double h = r * Math.sin(Math.PI / 2 * i / 7) * 2;
            g.draw(new Ellipse2D.Double(cx - r, cy - h / 2, 2 * r, h));
        }
        g.draw(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
    }

    private static void chart(Graphics2D g, Motif motif, SplittableRandom random) {
        int bars = 12;
        double step = WIDTH / (bars + 1.0);
        Path2D.Double line = new Path2D.Double();
        double value = 0.25;
        for (int i = 0; i < bars; i++) {
            value = Math.min(0.9, Math.max(0.1, value + random.nextDouble(-0.08, 0.14)));
            double h = HEIGHT * value;
            g.setColor(alpha(motif.ink(), 110));
            g.fill(new java.awt.geom.Rectangle2D.Double(step * (i + 0.6), HEIGHT - h, step * 0.7, h));
            double x = step * (i + 0.95);
            double y = HEIGHT - h - 40;
            if (i == 0) {
                line.moveTo(x, y);
            } else {
                line.lineTo(x, y);
            }
        }
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(10f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(line);
    }

    private static void chevrons(Graphics2D g, Motif motif, SplittableRandom random) {
        g.setStroke(new BasicStroke(22f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        int offset = random.nextInt(0, 120);
        for (int row = 0; row < 5; row++) {
            for (int col = -1; col < 9; col++) {
                double x = col * 200 + offset + (row % 2) * 100;
                double y = 120 + row * 170;
                g.setColor(alpha(motif.ink(), 90 + row * 30));
                Path2D.Double chevron = new Path2D.Double();
                chevron.moveTo(x, y + 60);
                chevron.lineTo(x + 70, y);
                chevron.lineTo(x + 140, y + 60);
                g.draw(chevron);
            }
        }
    }

    private static void orbits(Graphics2D g, Motif motif, SplittableRandom random) {
        double cx = WIDTH / 2.0;
        double cy = HEIGHT / 2.0;
        g.setColor(new Color(0xffd60a));
        g.fill(new Ellipse2D.Double(cx - 70, cy - 70, 140, 140));
        g.setStroke(new BasicStroke(3f));
        for (int i = 1; i <= 5; i++) {
            double rx = 150 + i * 130;
            double ry = 60 + i * 65;
            g.setColor(alpha(motif.ink(), 150));
            g.draw(new Ellipse2D.Double(cx - rx, cy - ry, 2 * rx, 2 * ry));
            double angle = random.nextDouble(0, Math.PI * 2);
            double px = cx + rx * Math.cos(angle);
            double py = cy + ry * Math.sin(angle);
            double size = 26 + i * 8;
            g.setColor(motif.ink());
            g.fill(new Ellipse2D.Double(px - size / 2, py - size / 2, size, size));
        }
    }

    private static void track(Graphics2D g, Motif motif, SplittableRandom random) {
        g.setStroke(new BasicStroke(8f));
        double shift = random.nextInt(-150, 150);
        for (int lane = 0; lane < 8; lane++) {
            double inset = 60 + lane * 55;
            g.setColor(alpha(motif.ink(), 120 + lane * 15));
            g.draw(new java.awt.geom.RoundRectangle2D.Double(inset + shift - 300, inset, WIDTH - 2 * inset + 600,
                    HEIGHT - 2 * inset + 400, 700 - lane * 60, 700 - lane * 60));
        }
    }

    private static void stage(Graphics2D g, Motif motif, SplittableRandom random) {
        for (int i = 0; i < 3; i++) {
            double x = 300 + i * 500 + random.nextInt(-60, 60);
            Path2D.Double beam = new Path2D.Double();
            beam.moveTo(x, 0);
            beam.lineTo(x - 220, HEIGHT);
            beam.lineTo(x + 220, HEIGHT);
            beam.closePath();
            g.setColor(alpha(motif.ink(), 70));
            g.fill(beam);
        }
        g.setColor(new Color(0x6a040f));
        for (int side = 0; side < 2; side++) {
            for (int fold = 0; fold < 6; fold++) {
                double x = side == 0 ? fold * 45 : WIDTH - 270 + fold * 45;
                g.setColor(fold % 2 == 0 ? new Color(0x6a040f) : new Color(0x9d0208));
                g.fill(new java.awt.geom.Rectangle2D.Double(x, 0, 45, HEIGHT));
            }
        }
        g.setColor(alpha(Color.BLACK, 120));
        g.fill(new java.awt.geom.Rectangle2D.Double(0, HEIGHT - 120, WIDTH, 120));
    }

    private static byte[] encode(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.88f);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}

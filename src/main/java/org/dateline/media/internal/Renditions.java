package org.dateline.media.internal;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.dateline.media.Picture;
import org.dateline.media.PictureRendition;
import org.dateline.media.RenditionSizes;
import org.dateline.media.imaging.CreditLine;
import org.dateline.media.imaging.ImageRefusal;
import org.dateline.media.imaging.Rendition;
import org.dateline.media.imaging.Renderer;
import org.dateline.media.imaging.RenditionRequest;
import org.dateline.platform.DatelineSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * This node's renditions: in memory (the most used, up to {@code dateline.pictures.memory-cache-bytes}), in its
 * folder, or made now from the original, which every node reads from the database. A URL names its bytes for good
 * (the original's hash, the crop with its focal point, the width and the format), so nothing here ever goes stale: a
 * rendition is only dropped when its picture leaves the library. Only renditions a picture offers are made (its
 * current crop tokens and widths), so a stranger cannot make a node render arbitrary sizes; at most
 * {@code render-threads} are made at once, and concurrent requests for one rendition wait for the same making.
 */
@Component
public class Renditions implements RenditionSizes {

    private static final Logger log = LoggerFactory.getLogger(Renditions.class);

    /** The bytes and headers of one rendition, as the filter writes them. */
    public record Served(byte[] bytes, String contentType, String etag) {
    }

    private final JdbcPictures pictures;
    private final JdbcOriginals originals;
    private final Path folder;
    private final Cache<String, Served> memory;
    private final ConcurrentHashMap<String, CompletableFuture<Optional<Served>>> making = new ConcurrentHashMap<>();
    private final Semaphore renderers;
    /**
     * Drops begun and drops ended, so that a rendition read while one ran, or began before one ended, is not left in
     * memory after it.
     */
    private final AtomicLong dropsBegun = new AtomicLong();
    private final AtomicLong dropsEnded = new AtomicLong();

    Renditions(JdbcPictures pictures, JdbcOriginals originals, DatelineSettings platform, MediaSettings settings) {
        this.pictures = pictures;
        this.originals = originals;
        this.folder = platform.dataDir().resolve("pictures").resolve("renditions");
        this.memory = Caffeine.newBuilder().maximumWeight(settings.memoryCacheBytes())
                .weigher((String key, Served served) -> served.bytes().length + key.length() + 64).build();
        this.renderers = new Semaphore(settings.renderThreads());
    }

    /**
     * The rendition at this request path if this node holds it in memory, else {@code null}: the hit path, which needs
     * no parsing, since only renditions a picture offered were ever put there.
     */
    public Served inMemory(String requestPath) {
        return requestPath.length() > Picture.PATH_PREFIX.length()
                ? memory.getIfPresent(requestPath.substring(Picture.PATH_PREFIX.length())) : null;
    }

    /** The rendition, from memory, the folder or made now; empty when no usable picture offers it. */
    public Optional<Served> get(RenditionPath path) {
        String key = path.relative();
        Served served = memory.getIfPresent(key);
        if (served != null) {
            return Optional.of(served);
        }
        CompletableFuture<Optional<Served>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<Served>> running = making.putIfAbsent(key, mine);
        if (running != null) {
            return running.join();
        }
        try {
            long endedBefore = dropsEnded.get();
            Optional<Served> result = fromFolder(path).or(() -> make(path));
            result.ifPresent(found -> memory.put(key, found));
            if (dropsBegun.get() != endedBefore) {
                // A drop ran at some moment since the file was read or made (one running when this began, or one begun
                // since): its picture may be this one, so check again. Put first and checked after, so that a drop
                // either removes the entry (it began its removal after the put) or is seen here.
                dropUnused(path.originalKey());
            }
            mine.complete(result);
            return result;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            making.remove(key, mine);
        }
    }

    @Override
    public OptionalLong byteLength(PictureRendition rendition) {
        return RenditionPath.parse(rendition.path()).flatMap(this::get)
                .map(served -> OptionalLong.of(served.bytes().length)).orElse(OptionalLong.empty());
    }

    /** Drops every rendition of these bytes from this node, unless another usable picture has the same bytes. */
    public void dropUnused(String originalKey) {
        if (!pictures.byOriginalKey(originalKey).isEmpty()) {
            return;
        }
        // Counted when begun and when ended: a request that read the folder or memory while this ran sees it.
        dropsBegun.incrementAndGet();
        try {
            deleteFolder(folder.resolve(originalKey));
            memory.asMap().keySet().removeIf(key -> key.startsWith(originalKey + "/"));
        } finally {
            dropsEnded.incrementAndGet();
        }
    }

    private static void deleteFolder(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    log.warn("Could not delete the rendition {}: {}", file, e.getMessage());
                }
            });
        } catch (IOException e) {
            log.warn("Could not delete the renditions in {}: {}", dir, e.getMessage());
        }
    }

    private Optional<Served> fromFolder(RenditionPath path) {
        Path file = folder.resolve(path.relative());
        try {
            byte[] bytes = Files.readAllBytes(file);
            return Optional.of(served(bytes, path.format().contentType()));
        } catch (NoSuchFileException absent) {
            return Optional.empty();
        } catch (IOException e) {
            log.warn("Could not read the rendition {}: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<Served> make(RenditionPath path) {
        Optional<Picture> offering = pictures.byOriginalKey(path.originalKey()).stream().filter(path::offeredBy)
                .findFirst();
        if (offering.isEmpty()) {
            return Optional.empty();
        }
        Picture picture = offering.get();
        Optional<byte[]> original = originals.bytes(path.originalKey());
        if (original.isEmpty()) {
            return Optional.empty();
        }
        Rendition rendition;
        renderers.acquireUninterruptibly();
        try {
            rendition = Renderer.render(original.get(), new RenditionRequest(path.crop(), picture.focalX() / 1000.0,
                    picture.focalY() / 1000.0, path.width(), path.format()),
                    new CreditLine(picture.credit(), picture.byline(), picture.copyright()));
        } catch (ImageRefusal refusal) {
            // Inspected when it was stored, so this is a decoder that changed its mind: say so, serve nothing.
            log.warn("Picture {} could not be rendered as {}: {}", picture.id(), path, refusal.getMessage());
            return Optional.empty();
        } finally {
            renderers.release();
        }
        store(path, rendition.bytes());
        return Optional.of(served(rendition.bytes(), rendition.contentType()));
    }

    /** Written under a temporary name and moved into place, so a reader never sees half a file. */
    private void store(RenditionPath path, byte[] bytes) {
        Path file = folder.resolve(path.relative());
        try {
            Files.createDirectories(file.getParent());
            Path partial = Files.createTempFile(file.getParent(), ".rendition", ".part");
            Files.write(partial, bytes);
            try {
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // Served from memory all the same; the folder is a cache.
            log.warn("Could not keep the rendition {}: {}", file, e.getMessage());
        }
    }

    private static Served served(byte[] bytes, String contentType) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return new Served(bytes, contentType, "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

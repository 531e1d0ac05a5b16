package org.dateline.wire;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.dateline.media.imaging.ImageInspector;
import org.dateline.platform.DatelineSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The watched folder: files dropped into {@code wire/inbox/} under the data folder are ingested, then moved to
 * {@code wire/done/} (with {@code <name>.errors.txt} beside them when some items were refused) or, when nothing in
 * them could be taken in, to {@code wire/failed/} with {@code <name>.reason.txt}. Files still being written (changed
 * within the last second), hidden files and {@code .part}/{@code .tmp} files are left for the next round. A file
 * that cannot be moved or read is logged and left; the watcher never stops. Picture files ({@code .jpg},
 * {@code .jpeg}, {@code .png}, {@code .webp}) become picture library entries with the words the file carries (IPTC,
 * XMP), one line each in the ingest log.
 */
@Component
class WireFolder {

    private static final Logger log = LoggerFactory.getLogger(WireFolder.class);
    static final Duration SETTLE = Duration.ofSeconds(1);
    static final List<String> PICTURE_EXTENSIONS = List.of(".jpg", ".jpeg", ".png", ".webp");

    private final WireIngest ingest;
    private final Path inbox;
    private final Path done;
    private final Path failed;
    private final Clock clock;

    WireFolder(WireIngest ingest, DatelineSettings settings, Clock clock) {
        this.ingest = ingest;
        Path wire = settings.dataDir().resolve("wire");
        this.inbox = wire.resolve("inbox");
        this.done = wire.resolve("done");
        this.failed = wire.resolve("failed");
        this.clock = clock;
    }

    @Scheduled(initialDelay = 1000, fixedDelay = 1000)
    void poll() {
        try {
            scan();
        } catch (RuntimeException | IOException e) {
            log.warn("Wire folder {} not scanned: {}", inbox, e.toString());
        }
    }

    /**
     * One round over the inbox; returns how many files were taken. One round at a time: a round asked for while the
     * scheduled one runs waits for it, so that no file is taken twice (a picture file has no guid to tell a second
     * taking apart).
     */
    synchronized int scan() throws IOException {
        Files.createDirectories(inbox);
        List<Path> ready = new ArrayList<>();
        FileTime settledBefore = FileTime.from(clock.instant().minus(SETTLE));
        try (DirectoryStream<Path> files = Files.newDirectoryStream(inbox)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.startsWith(".") || name.endsWith(".part") || name.endsWith(".tmp")
                        || !Files.isRegularFile(file)
                        || Files.getLastModifiedTime(file).compareTo(settledBefore) > 0) {
                    continue;
                }
                ready.add(file);
            }
        }
        ready.sort(null);
        int taken = 0;
        for (Path file : ready) {
            try {
                take(file);
                taken++;
            } catch (IOException | RuntimeException e) {
                log.warn("Wire file {} not taken: {}", file.getFileName(), e.toString());
            }
        }
        return taken;
    }

    private void take(Path file) throws IOException {
        String name = file.getFileName().toString();
        List<WireOutcome> outcomes = picture(name) ? List.of(ingest.picture(read(file), null, name, null, 1,
                "folder", name)) : ingest.ingest(WireFormats.parse(file), "folder", name);
        List<WireOutcome> refused = outcomes.stream().filter(o -> !o.accepted()).toList();
        boolean anyTaken = outcomes.size() > refused.size();
        Path target = anyTaken || outcomes.isEmpty() ? done : failed;
        Files.createDirectories(target);
        Path moved = unique(target, name);
        if (!refused.isEmpty()) {
            String reasons = refused.stream()
                    .map(o -> (o.itemRef() == null ? name : o.itemRef()) + ": " + o.code() + ": " + o.message())
                    .collect(Collectors.joining("\n", "", "\n"));
            Files.writeString(target.resolve(moved.getFileName() + (anyTaken ? ".errors.txt" : ".reason.txt")),
                    reasons, StandardCharsets.UTF_8);
        }
        Files.move(file, moved, StandardCopyOption.ATOMIC_MOVE);
    }

    /** A picture file by its name; the inspection then checks that the bytes agree. */
    static boolean picture(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return PICTURE_EXTENSIONS.stream().anyMatch(lower::endsWith);
    }

    /** The file, or its first bytes past the largest picture taken (refused then as {@code too_large}). */
    private static byte[] read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes((int) ImageInspector.MAX_BYTES + 1);
        }
    }

    /** The name in the folder, or with a counter when a file of that name was already processed. */
    private static Path unique(Path folder, String name) {
        Path candidate = folder.resolve(name);
        for (int i = 1; Files.exists(candidate); i++) {
            int dot = name.lastIndexOf('.');
            candidate = folder.resolve(dot > 0 ? name.substring(0, dot) + "-" + i + name.substring(dot) : name + "-" + i);
        }
        return candidate;
    }
}

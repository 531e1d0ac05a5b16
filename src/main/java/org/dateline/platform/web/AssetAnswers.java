package org.dateline.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.jetty.http.DateGenerator;
import org.eclipse.jetty.http.MimeTypes;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * This build's scripts and style sheets under their versioned addresses ({@link Assets}), held in memory with their
 * gzip form made once, for the hit path in front of the servlet layer. Each answer carries what Spring's resource
 * handling writes for the same file (a year's {@code immutable} Cache-Control, Last-Modified, Accept-Ranges, the
 * security headers), plus a strong ETag; what the hit path leaves to the servlet layer (a range, a conditional GET by
 * date alone, an old version's address) is still answered there.
 */
public final class AssetAnswers {

    /** As {@link AssetsConfiguration} has Spring write it. */
    static final String CACHE_CONTROL = "max-age=31536000, public, immutable";
    /** The types the server compresses ({@code server.compression.mime-types}): the others are compressed already. */
    private static final Set<String> COMPRESSIBLE = Set.of("text/css", "text/javascript", "application/javascript",
            "image/svg+xml");

    private final String prefix = Assets.path("");
    private final Map<String, ReadyAnswer> answers;

    public AssetAnswers() {
        this.answers = load();
    }

    /** The answer for this (still encoded) path, or null if it names no file of this build's version. */
    public ReadyAnswer find(String path) {
        return path.startsWith(prefix) ? answers.get(path) : null;
    }

    private static Map<String, ReadyAnswer> load() {
        Map<String, ReadyAnswer> answers = new HashMap<>();
        try {
            for (Resource file : new PathMatchingResourcePatternResolver(AssetAnswers.class.getClassLoader())
                    .getResources(Assets.LOCATION + "*")) {
                String type = MimeTypes.DEFAULTS.getMimeByExtension(file.getFilename());
                if (file.isReadable() && type != null) {
                    answers.put(Assets.path(file.getFilename()), answer(file, type));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The site's assets cannot be read", e);
        }
        return Map.copyOf(answers);
    }

    private static ReadyAnswer answer(Resource file, String type) throws IOException {
        byte[] bytes;
        try (InputStream in = file.getInputStream()) {
            bytes = in.readAllBytes();
        }
        boolean compressible = COMPRESSIBLE.contains(type);
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        if (compressible) {
            headers.add(Map.entry("Vary", "Accept-Encoding"));
        }
        headers.add(Map.entry("Cache-Control", CACHE_CONTROL));
        headers.add(Map.entry("Last-Modified", DateGenerator.formatDate(file.lastModified())));
        headers.add(Map.entry("Content-Type", type));
        headers.add(Map.entry("Accept-Ranges", "bytes"));
        SecurityHeaders.each((name, value) -> headers.add(Map.entry(name, value)));
        return ReadyAnswer.of(headers, bytes, compressible);
    }
}

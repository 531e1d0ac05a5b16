package org.dateline.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The addresses of the site's scripts and style sheets: {@code /assets/v-<version>/<name>}, where the version is a
 * hash of every file under {@code static/assets}, so a build that changes any of them gives them all new addresses
 * and each address can be cached for a year ({@code immutable}). One version for the folder rather than one per file
 * keeps the scripts' relative imports ({@code ./chat.js}) inside the same version. The plain {@code /assets/<name>}
 * still answers, cached for an hour, for whatever kept an old address.
 */
public final class Assets {

    /** Where the files are, on the class path. */
    public static final String LOCATION = "classpath:/static/assets/";

    private static final String VERSION = hashOfFolder();
    private static final String PREFIX = "/assets/v-" + VERSION + "/";

    private Assets() {
    }

    /** The versioned address of a file of the folder, e.g. {@code site.css}. */
    public static String path(String name) {
        return PREFIX + name;
    }

    /** The address pattern under which this build's files are served immutable. */
    static String versionedPattern() {
        return PREFIX + "**";
    }

    static String version() {
        return VERSION;
    }

    private static String hashOfFolder() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver(Assets.class.getClassLoader())
                    .getResources(LOCATION + "*");
            Arrays.sort(files, Comparator.comparing(Resource::getFilename));
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Resource file : files) {
                digest.update(file.getFilename().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                try (InputStream in = file.getInputStream()) {
                    digest.update(in.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 6);
        } catch (IOException e) {
            throw new UncheckedIOException("The site's assets cannot be read", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.dateline.platform;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Dateline's own settings ({@code dateline.*}; environment variables {@code DATELINE_*}). */
@ConfigurationProperties("dateline")
public record DatelineSettings(
        @DefaultValue("./data") Path dataDir,
        String nodeId,
        String baseUrl,
        @DefaultValue("en") String defaultEdition,
        @DefaultValue PageCache pageCache) {

    public record PageCache(@DefaultValue("true") boolean enabled, @DefaultValue("268435456") long maxBytes) {
    }

    /**
     * The id under which this node stores its change-log position: configured, or derived from the data folder so
     * that it is stable across restarts and differs between nodes on one machine.
     */
    public String effectiveNodeId() {
        if (nodeId != null && !nodeId.isBlank()) {
            return nodeId;
        }
        String folder = dataDir.toAbsolutePath().normalize().toString();
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(folder.getBytes(StandardCharsets.UTF_8));
            return "node-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}

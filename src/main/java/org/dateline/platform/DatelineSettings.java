package org.dateline.platform;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The platform's settings ({@code dateline.*}; environment variables {@code DATELINE_*}): what every module may need
 * of this node. Each module keeps its own settings in its own record ({@code dateline.demo.*} in {@code demo}, and so
 * on); this one holds only what the platform itself owns.
 *
 * @param dataDir   the data folder ({@code DATELINE_DATA_DIR}): the H2 database, the mail outbox, the wire inbox.
 *                  Its default lives in {@code application.yml}, not here, because the datasource URL there is built
 *                  from it
 * @param nodeId    the id under which this node stores its change-log position ({@code DATELINE_NODE_ID}); unset, it
 *                  is derived from the data folder ({@link #effectiveNodeId})
 * @param baseUrl   the public origin for canonical URLs, feeds and sitemaps ({@code DATELINE_BASE_URL}); unset,
 *                  {@code http://localhost:<port>}
 * @param pageCache this node's cache of rendered public pages
 * @param mail      outgoing mail
 * @param trustedProxies the addresses and CIDR ranges of the reverse proxies in front of this node
 *                  ({@code DATELINE_TRUSTED_PROXIES}, comma-separated): from them alone {@code X-Forwarded-For},
 *                  {@code -Proto}, {@code -Host} and {@code -Port} are believed, so the client's address, TLS, host and
 *                  port are the proxy's word. Empty (the default): no forwarded header is believed from anyone
 */
@ConfigurationProperties("dateline")
public record DatelineSettings(
        Path dataDir,
        String nodeId,
        String baseUrl,
        @DefaultValue PageCache pageCache,
        @DefaultValue Mail mail,
        @DefaultValue List<String> trustedProxies) {

    public DatelineSettings {
        if (dataDir == null) {
            throw new IllegalArgumentException("dateline.data-dir must be set (application.yml sets ./data)");
        }
        trustedProxies = trustedProxies == null ? List.of()
                : trustedProxies.stream().map(String::trim).filter(entry -> !entry.isEmpty()).toList();
        SettingRules.addressRanges("dateline.trusted-proxies", trustedProxies);
    }

    /**
     * @param enabled  serve cached public pages; off, every request renders (benchmarks of rendering switch it off)
     * @param maxBytes the most the cached pages may weigh together on this node
     */
    public record PageCache(@DefaultValue("true") boolean enabled, @DefaultValue("268435456") long maxBytes) {

        public PageCache {
            SettingRules.atLeast(0, "dateline.page-cache.max-bytes", maxBytes);
        }
    }

    /**
     * @param from sender address of every mail ({@code DATELINE_MAIL_FROM}); the SMTP server itself is set with
     *             {@code spring.mail.*}
     */
    public record Mail(@DefaultValue("Dateline <no-reply@localhost>") String from) {

        public Mail {
            if (from == null || from.isBlank()) {
                throw new IllegalArgumentException("dateline.mail.from must not be blank");
            }
        }
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

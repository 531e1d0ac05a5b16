package org.dateline.platform;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dateline.testing.SettingsBinding.fromEnvironmentVariables;
import static org.dateline.testing.SettingsBinding.fromProperties;

class DatelineSettingsTest {

    @Test
    void needsOnlyTheDataFolderWhichApplicationYmlSets() {
        DatelineSettings settings = fromProperties("dateline", DatelineSettings.class,
                Map.of("dateline.data-dir", "./data"));

        assertThat(settings.nodeId()).isNull();
        assertThat(settings.baseUrl()).isNull();
        assertThat(settings.pageCache()).isEqualTo(new DatelineSettings.PageCache(true, 268_435_456));
        assertThat(settings.mail().from()).isEqualTo("Dateline <no-reply@localhost>");
        assertThat(settings.trustedProxies()).isEmpty();
    }

    @Test
    void withoutADataFolderTheStartStopsAndSaysWhy() {
        assertThatThrownBy(() -> fromProperties("dateline", DatelineSettings.class, Map.of()))
                .rootCause().hasMessageStartingWith("dateline.data-dir must be set");
    }

    @Test
    void bindsTheEnvironmentVariablesOfTheReadme() {
        DatelineSettings settings = fromEnvironmentVariables("dateline", DatelineSettings.class, Map.of(
                "DATELINE_DATA_DIR", "/srv/dateline",
                "DATELINE_NODE_ID", "node-a",
                "DATELINE_BASE_URL", "https://news.example.org",
                "DATELINE_MAIL_FROM", "Newsroom <news@example.org>",
                "DATELINE_PAGE_CACHE_ENABLED", "false",
                "DATELINE_TRUSTED_PROXIES", "127.0.0.1, 10.0.0.0/8,::1,fd00::/8"));

        assertThat(settings.dataDir()).isEqualTo(Path.of("/srv/dateline"));
        assertThat(settings.effectiveNodeId()).isEqualTo("node-a");
        assertThat(settings.baseUrl()).isEqualTo("https://news.example.org");
        assertThat(settings.mail().from()).isEqualTo("Newsroom <news@example.org>");
        assertThat(settings.pageCache().enabled()).isFalse();
        assertThat(settings.trustedProxies()).containsExactly("127.0.0.1", "10.0.0.0/8", "::1", "fd00::/8");
    }

    @Test
    void refusesATrustedProxyThatIsNoAddressOrRangeNamingTheProperty() {
        for (String wrong : List.of("10.0.0/8", "10.0.0.0/33", "256.1.1.1", "fd00::/129", "::zz", "1:2",
                "proxy.example.org", "10.0.0.0/", "10.0.0.0/8/8", "*")) {
            assertThatThrownBy(() -> fromProperties("dateline", DatelineSettings.class,
                    Map.of("dateline.data-dir", "./data", "dateline.trusted-proxies", wrong)))
                    .as(wrong).rootCause().hasMessage("dateline.trusted-proxies: '" + wrong
                            + "' is neither an IP address nor a CIDR range such as 10.0.0.0/8 or fd00::/8");
        }
    }

    @Test
    void refusesABlankSender() {
        assertThatThrownBy(() -> fromProperties("dateline", DatelineSettings.class,
                Map.of("dateline.data-dir", "./data", "dateline.mail.from", " ")))
                .rootCause().hasMessage("dateline.mail.from must not be blank");
    }
}

package org.dateline.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Gives each test application context its own database, data folder, node id and admin token. */
public class DatelineTestContext implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String ADMIN_TOKEN = "test-admin-token-0123456789";
    public static final String FIRST_ADMIN_EMAIL = "chief@dateline.test";
    public static final String FIRST_ADMIN_PASSWORD = "first-start-Pa55word";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var environment = context.getEnvironment();
        Map<String, Object> properties = new HashMap<>();
        if (environment.getProperty("dateline.test.shared-database") == null) {
            TestDatabases.Database database = TestDatabases.fresh();
            properties.put("spring.datasource.url", database.url());
            properties.put("spring.datasource.username", database.username());
            properties.put("spring.datasource.password", database.password());
        }
        try {
            properties.put("dateline.data-dir", Files.createTempDirectory("dateline-test").toString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        // Cached test contexts keep their pools open for the whole run, and several suites share one PostgreSQL:
        // small pools keep a run well inside its max_connections.
        properties.put("spring.datasource.hikari.maximum-pool-size", "5");
        properties.put("spring.datasource.hikari.minimum-idle", "1");
        properties.put("dateline.node-id", "test-" + UUID.randomUUID());
        properties.put("dateline.admin-token", ADMIN_TOKEN);
        // Every test logs in from 127.0.0.1 and one context serves many test classes: the address stands for many
        // people here. The per-account throttle stays as it is, and the tests of throttling rely on that one.
        properties.put("dateline.login.per-address-per-minute",
                environment.getProperty("dateline.login.per-address-per-minute", "1000"));
        // 127.0.0.1 stands for a TLS-terminating proxy (ForwardedHeadersIT); tests that send no X-Forwarded-* header
        // see no difference, and from any other address, such as 127.0.0.2, those headers are ignored.
        // Real feeds and IPTC examples name pictures on the web: tests fetch only from their own loopback servers.
        properties.put("dateline.wire.fetch-pictures",
                environment.getProperty("dateline.wire.fetch-pictures", "false"));
        properties.put("dateline.trusted-proxies", "127.0.0.1");
        // Push tests run their push service on loopback, over http; the address checks have unit tests of their own.
        properties.put("dateline.alerts.push.allow-local",
                environment.getProperty("dateline.alerts.push.allow-local", "true"));
        // The chat tests count rooms and messages of their own; DemoCommunityIT opens the demo's.
        properties.put("dateline.demo.community", environment.getProperty("dateline.demo.community", "false"));
        // A ranking on the wall clock's minute that found other tests' views changed would evict pages in the middle
        // of a test that counts on them being cached: contexts rank once a day unless a test (the readership tests,
        // on their own clock) asks for more.
        properties.put("dateline.readership.most-read-interval",
                environment.getProperty("dateline.readership.most-read-interval", "1d"));
        properties.put("dateline.first-admin.email", FIRST_ADMIN_EMAIL);
        properties.put("dateline.first-admin.password", FIRST_ADMIN_PASSWORD);
        environment.getPropertySources().addFirst(new MapPropertySource("dateline-test", properties));
    }
}

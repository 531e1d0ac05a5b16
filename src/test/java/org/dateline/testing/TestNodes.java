package org.dateline.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.dateline.DatelineApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Another node of the cluster under test: the database of the test's own context, a data folder, node id and port of
 * its own, a small connection pool, no demo content, the first node's most-read interval; {@code settings} ({@code --name=value}) come on top.
 */
public final class TestNodes {

    private TestNodes() {
    }

    public static ConfigurableApplicationContext start(Environment environment, String nodeId, String... settings) {
        return startIn(environment, nodeId, dataDir(nodeId), settings);
    }

    /** A node with the data folder given: a restart of a node that ran before finds its files there. */
    public static ConfigurableApplicationContext startIn(Environment environment, String nodeId, String dataDir,
                                                         String... settings) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                "--spring.datasource.password=" + environment.getProperty("spring.datasource.password", ""),
                "--server.port=0",
                "--spring.datasource.hikari.maximum-pool-size=5",
                "--spring.datasource.hikari.minimum-idle=1",
                "--dateline.data-dir=" + dataDir,
                "--dateline.node-id=" + nodeId,
                "--dateline.demo.on-empty=false",
                // every node of a cluster ranks most read on the same interval
                "--dateline.readership.most-read-interval="
                        + environment.getProperty("dateline.readership.most-read-interval", "1m"),
                "--dateline.admin-token=" + DatelineTestContext.ADMIN_TOKEN));
        args.addAll(List.of(settings));
        return new SpringApplicationBuilder(DatelineApplication.class).run(args.toArray(String[]::new));
    }

    public static int port(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    /** A new, empty data folder for a node. */
    public static String dataDir(String nodeId) {
        try {
            return Files.createTempDirectory(nodeId).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

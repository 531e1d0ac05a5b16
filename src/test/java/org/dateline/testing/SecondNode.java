package org.dateline.testing;

import java.io.IOException;
import java.nio.file.Files;

import org.dateline.DatelineApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Another node of the cluster a test runs against: the whole application on its own port, data folder and node id,
 * on the database of the test's own context (whose environment names it). Close it when done.
 */
public final class SecondNode implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private SecondNode(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static SecondNode start(Environment firstNode, String name) {
        try {
            return new SecondNode(new SpringApplicationBuilder(DatelineApplication.class).run(
                    "--spring.datasource.url=" + firstNode.getProperty("spring.datasource.url"),
                    "--spring.datasource.username=" + firstNode.getProperty("spring.datasource.username"),
                    "--spring.datasource.password=" + firstNode.getProperty("spring.datasource.password", ""),
                    "--server.port=0",
                    "--spring.datasource.hikari.maximum-pool-size=5",
                    "--spring.datasource.hikari.minimum-idle=1",
                    "--dateline.data-dir=" + Files.createTempDirectory(name),
                    "--dateline.node-id=" + name,
                    "--dateline.demo.on-empty=false",
                    "--dateline.login.per-address-per-minute="
                            + firstNode.getProperty("dateline.login.per-address-per-minute", "1000"),
                    "--dateline.admin-token=" + DatelineTestContext.ADMIN_TOKEN));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    @Override
    public void close() {
        context.close();
    }
}

package org.dateline.chats;

import java.nio.file.Files;

import org.dateline.DatelineApplication;
import org.dateline.content.ArticleSummary;
import org.dateline.content.ContentQueries;
import org.dateline.testing.DatelineTestContext;
import org.dateline.testing.Http;
import org.dateline.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A message posted on one node reaches a reader whose socket is open on another node, through the change log, and
 * the other node's cached article page shows it.
 */
@IntegrationTest
class ChatSecondNodeIT {

    @LocalServerPort
    int port;
    @Autowired
    Environment environment;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    ContentQueries content;

    @Test
    void messagePostedOnOneNodeReachesReadersOnAnother() throws Exception {
        ArticleSummary article = content.latest("en", null, 20).get(15);
        ConfigurableApplicationContext second = new SpringApplicationBuilder(DatelineApplication.class).run(
                "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                "--spring.datasource.password=" + environment.getProperty("spring.datasource.password", ""),
                "--server.port=0",
                "--spring.datasource.hikari.maximum-pool-size=5",
                "--spring.datasource.hikari.minimum-idle=1",
                "--dateline.data-dir=" + Files.createTempDirectory("chat-second-node"),
                "--dateline.node-id=chat-second-node",
                "--dateline.demo.on-empty=false",
                "--dateline.admin-token=" + DatelineTestContext.ADMIN_TOKEN);
        try {
            int otherPort = ((WebServerApplicationContext) second).getWebServer().getPort();
            Http other = new Http(otherPort);
            other.get(article.path());
            assertThat(other.get(article.path()).headers().firstValue("X-Cache")).hasValue("hit");

            try (ChatSocket onSecond = new ChatSocket(otherPort)) {
                onSecond.subscribe("{\"type\":\"subscribe\",\"article\":" + article.id() + "}");
                ChatReader alice = ChatReader.register(port, jdbc, encoder);
                long id = alice.posted(article.id(), "Posted on the first node").get("id").asLong();
                JsonNode heard = onSecond.nextOfType("message");
                assertThat(heard.get("message").get("id").asLong()).isEqualTo(id);
                long deadline = System.nanoTime() + 2_000_000_000L;
                while (!other.get(article.path()).body().contains("id=\"m" + id + "\"")) {
                    assertThat(System.nanoTime()).as("second node's page shows the message").isLessThan(deadline);
                    Thread.sleep(20);
                }
            }
        } finally {
            second.close();
        }
    }
}

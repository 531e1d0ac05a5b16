package org.dateline.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Dateline as a real process, as {@code ./dateline} starts it but on this test's class path (the main and test
 * classes), on the embedded defaults in a data folder of the test's: for tests that kill it (SIGKILL: no shutdown
 * hook, no close) and start it again on the same folder. Its output is appended to {@code dateline.log} there.
 */
public final class DatelineProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180); // a loaded machine starts slowly

    private final Path dataDir;
    private final int port;
    private final String token;
    private final List<String> arguments;
    private Process process;

    /** A node on this data folder and loopback port with this admin token; {@code arguments} come on top. */
    public DatelineProcess(Path dataDir, int port, String token, String... arguments) {
        this.dataDir = dataDir;
        this.port = port;
        this.token = token;
        this.arguments = List.of(arguments);
    }

    /** Starts the process and waits until it reports healthy. */
    public void start() throws InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "org.dateline.DatelineApplication", "--logging.level.root=warn", "--dateline.demo.per-edition=5"));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.put("DATELINE_DATA_DIR", dataDir.toString());
        env.put("SERVER_PORT", String.valueOf(port));
        env.put("SERVER_ADDRESS", "127.0.0.1");
        env.put("DATELINE_ADMIN_TOKEN", token);
        env.put("DATELINE_WIRE_POLL_FEEDS", "false");
        env.remove("SPRING_DATASOURCE_URL");
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(
                dataDir.resolve("dateline.log").toFile()));
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitUp(new Http(port));
    }

    /** SIGKILL, and waits until the process is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
        if (process.isAlive()) {
            throw new AssertionError("Dateline outlived SIGKILL for 20 s");
        }
    }

    /** Stops a process still running: SIGTERM, then SIGKILL after 20 s. */
    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private void awaitUp(Http http) throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("Dateline exited during start; see " + dataDir.resolve("dateline.log"));
            }
            try {
                if (http.get("/actuator/health").statusCode() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Dateline did not come up within " + START_TIMEOUT.toSeconds() + " s");
    }

    /** A loopback port free at this moment. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.dateline.chats;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;

/** A real WebSocket connection to {@code /ws/chats} (the JDK client), collecting the frames it receives. */
final class ChatSocket implements AutoCloseable {

    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final WebSocket socket;

    ChatSocket(int port) {
        this(port, null);
    }

    /** A connection whose handshake carries the given cookies (a logged-in reader's session). */
    ChatSocket(int port, String cookies) {
        StringBuilder partial = new StringBuilder();
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(5));
        if (cookies != null && !cookies.isEmpty()) {
            builder.header("Cookie", cookies);
        }
        this.socket = builder.buildAsync(URI.create("ws://localhost:" + port + "/ws/chats"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            frames.add(ChatReader.JSON.readTree(partial.toString()));
                            partial.setLength(0);
                        }
                        webSocket.request(1);
                        return null;
                    }
                }).join();
    }

    void send(String json) {
        socket.sendText(json, true).join();
    }

    /** Subscribes and waits for the acknowledgement. */
    JsonNode subscribe(String request) {
        send(request);
        return next(f -> "subscribed".equals(f.path("type").asString()) || "error".equals(f.path("type").asString()));
    }

    /** The next frame that matches, skipping others; fails after five seconds. */
    JsonNode next(Predicate<JsonNode> wanted) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        try {
            while (System.nanoTime() < deadline) {
                JsonNode frame = frames.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (frame != null && wanted.test(frame)) {
                    return frame;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError("no matching frame within 5 s");
    }

    /** Every frame, in order, up to and including the first of the given type; fails after five seconds. */
    List<JsonNode> until(String type) {
        List<JsonNode> seen = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        try {
            while (System.nanoTime() < deadline) {
                JsonNode frame = frames.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (frame != null) {
                    seen.add(frame);
                    if (type.equals(frame.path("type").asString())) {
                        return seen;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError("no " + type + " frame within 5 s; saw " + seen);
    }

    /** No frame arrives within the time (a frame already waiting fails at once). */
    void expectSilence(Duration quiet) {
        try {
            JsonNode frame = frames.poll(quiet.toMillis(), TimeUnit.MILLISECONDS);
            if (frame != null) {
                throw new AssertionError("unexpected frame " + frame);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    JsonNode nextOfType(String type) {
        return next(f -> type.equals(f.path("type").asString()));
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    }
}

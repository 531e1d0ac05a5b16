package org.dateline.alerts.internal.push;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A push service on 127.0.0.1 for tests (JDK {@code HttpServer}): takes {@code POST /push/{id}}, checks the VAPID
 * authorization as a push service does (RFC 8292: the JWT's ES256 signature with the key {@code k}, {@code aud} its
 * own origin, {@code exp} in the future and within 24 hours, a {@code sub}), answers 401 when it fails, else the
 * status it is told to, and keeps every request for the test to decrypt.
 */
public final class LocalPushService implements AutoCloseable {

    private static final Pattern VAPID = Pattern.compile("vapid t=([^,\\s]+),\\s*k=([A-Za-z0-9_-]+)");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One request as received, with what the VAPID check found in it. */
    public record Received(String path, Map<String, List<String>> headers, byte[] body, String vapidKey, JsonNode claims) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<String> refusals = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(201);

    public LocalPushService() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.createContext("/push/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            int answer;
            try {
                String authorization = exchange.getRequestHeaders().getFirst("Authorization");
                Matcher vapid = VAPID.matcher(authorization == null ? "" : authorization);
                if (!vapid.matches()) {
                    throw new IllegalArgumentException("no vapid authorization: " + authorization);
                }
                JsonNode claims = verify(vapid.group(1), vapid.group(2));
                received.add(new Received(exchange.getRequestURI().getPath(),
                        Map.copyOf(exchange.getRequestHeaders()), body, vapid.group(2), claims));
                // A subscription its browser dropped: an endpoint named gone-… answers 410 Gone.
                answer = exchange.getRequestURI().getPath().startsWith("/push/gone-") ? 410 : status.get();
            } catch (RuntimeException refused) {
                refusals.add(refused.getMessage());
                answer = 401;
            }
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        server.start();
    }

    public String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String endpoint(String id) {
        return origin() + "/push/" + id;
    }

    void answer(int code) {
        status.set(code);
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    public List<String> refusals() {
        return new ArrayList<>(refusals);
    }

    private JsonNode verify(String jwt, String key) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a JWT");
        }
        JsonNode header = JSON.readTree(P256.unbase64(parts[0]));
        if (!"ES256".equals(header.path("alg").asString()) || !"JWT".equals(header.path("typ").asString())) {
            throw new IllegalArgumentException("not an ES256 JWT: " + header);
        }
        try {
            Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format");
            signature.initVerify(P256.publicKey(P256.unbase64(key)));
            signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!signature.verify(P256.unbase64(parts[2]))) {
                throw new IllegalArgumentException("the JWT's signature does not verify with k");
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(e);
        }
        JsonNode claims = JSON.readTree(P256.unbase64(parts[1]));
        if (!origin().equals(claims.path("aud").asString())) {
            throw new IllegalArgumentException("aud is not " + origin() + ": " + claims);
        }
        long now = Instant.now().getEpochSecond();
        long exp = claims.path("exp").asLong();
        if (exp <= now || exp > now + 24 * 3600) {
            throw new IllegalArgumentException("exp is not within the next 24 hours: " + claims);
        }
        String sub = claims.path("sub").asString();
        if (sub == null || !(sub.startsWith("mailto:") || sub.startsWith("https:") || sub.startsWith("http:"))) {
            throw new IllegalArgumentException("sub is not a contact URL: " + claims);
        }
        return claims;
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}

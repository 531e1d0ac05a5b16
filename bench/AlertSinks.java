import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;

/**
 * The sinks of bench/alerts.sh, on loopback: an SMTP server that takes every mail and counts it and its Message-ID,
 * and a push service that answers 201 to every POST and counts it by endpoint path. GET /stats on the push port
 * answers {"mails":..,"mailIds":..,"pushes":..,"pushEndpoints":..}: with nothing duplicated, mails = mailIds and
 * pushes = pushEndpoints. Writes a browser key pair (p256dh, auth; base64url) to KEYS_FILE for the push endpoints.
 * Usage: java bench/AlertSinks.java SMTP_PORT PUSH_PORT KEYS_FILE
 */
public class AlertSinks {

    static final AtomicLong MAILS = new AtomicLong();
    static final Set<String> MAIL_IDS = ConcurrentHashMap.newKeySet();
    static final AtomicLong PUSHES = new AtomicLong();
    static final Set<String> PUSH_ENDPOINTS = ConcurrentHashMap.newKeySet();

    public static void main(String[] args) throws Exception {
        int smtpPort = Integer.parseInt(args[0]);
        int pushPort = Integer.parseInt(args[1]);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        ECPublicKey key = (ECPublicKey) generator.generateKeyPair().getPublic();
        byte[] point = new byte[65];
        point[0] = 4;
        copy(key.getW().getAffineX().toByteArray(), point, 1);
        copy(key.getW().getAffineY().toByteArray(), point, 33);
        byte[] auth = new byte[16];
        new SecureRandom().nextBytes(auth);
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        Files.writeString(Path.of(args[2]), b64.encodeToString(point) + " " + b64.encodeToString(auth) + "\n");

        HttpServer push = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), pushPort), 512);
        push.setExecutor(Executors.newFixedThreadPool(8));
        push.createContext("/push/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            PUSHES.incrementAndGet();
            PUSH_ENDPOINTS.add(exchange.getRequestURI().getPath());
            exchange.sendResponseHeaders(201, -1);
            exchange.close();
        });
        push.createContext("/stats", exchange -> {
            byte[] body = ("{\"mails\":" + MAILS.get() + ",\"mailIds\":" + MAIL_IDS.size() + ",\"pushes\":"
                    + PUSHES.get() + ",\"pushEndpoints\":" + PUSH_ENDPOINTS.size() + "}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        push.start();

        try (ServerSocket smtp = new ServerSocket(smtpPort, 512, InetAddress.getLoopbackAddress())) {
            System.out.println("sinks ready: smtp " + smtpPort + ", push " + pushPort);
            while (true) {
                Socket client = smtp.accept();
                Thread thread = new Thread(() -> session(client));
                thread.setDaemon(true);
                thread.start();
            }
        }
    }

    private static void session(Socket client) {
        try (client) {
            BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                    StandardCharsets.ISO_8859_1), 65536);
            OutputStream out = client.getOutputStream();
            reply(out, "220 sink ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.toUpperCase(Locale.ROOT);
                if (command.startsWith("EHLO")) {
                    reply(out, "250-sink\r\n250-8BITMIME\r\n250 PIPELINING");
                } else if (command.equals("DATA")) {
                    reply(out, "354 go on");
                    String id = null;
                    boolean headers = true;
                    String data;
                    while ((data = in.readLine()) != null && !data.equals(".")) {
                        if (headers && data.isEmpty()) {
                            headers = false;
                        } else if (headers && data.regionMatches(true, 0, "Message-ID:", 0, 11)) {
                            id = data.substring(11).strip();
                        }
                    }
                    MAILS.incrementAndGet();
                    if (id != null) {
                        MAIL_IDS.add(id);
                    }
                    reply(out, "250 taken");
                } else if (command.equals("QUIT")) {
                    reply(out, "221 bye");
                    return;
                } else {
                    reply(out, "250 ok");
                }
            }
        } catch (IOException gone) {
            // the client hung up
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** A coordinate as 32 bytes, big-endian: BigInteger may add a sign byte or drop leading zeros. */
    private static void copy(byte[] number, byte[] into, int at) {
        int skip = Math.max(0, number.length - 32);
        int pad = Math.max(0, 32 - number.length);
        System.arraycopy(number, skip, into, at + pad, number.length - skip);
    }
}

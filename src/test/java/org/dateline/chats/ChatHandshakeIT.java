package org.dateline.chats;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.dateline.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The chat socket's handshake refuses other sites' pages and origins that are no origin, with a 403, never a 500. */
@IntegrationTest
class ChatHandshakeIT {

    @LocalServerPort
    int port;

    @Test
    void refusesForeignAndMalformedOriginsAndTakesItsOwn() throws IOException {
        assertThat(handshake("http://localhost:" + port)).isEqualTo(101);
        assertThat(handshake(null)).isEqualTo(101);
        for (String origin : new String[] {"https://evil.example", "http://ex ample.com", "http://%zz",
                "http://a:b:c", "http://x/path"}) {
            assertThat(handshake(origin)).as(origin).isEqualTo(403);
        }
    }

    /** The status of a WebSocket handshake sent by hand (a client library would refuse to send such an Origin). */
    private int handshake(String origin) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(5000);
            String request = "GET /ws/chats HTTP/1.1\r\nHost: localhost:" + port + "\r\nConnection: Upgrade\r\n"
                    + "Upgrade: websocket\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + (origin == null ? "" : "Origin: " + origin + "\r\n") + "\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
                line.append((char) c);
            }
            return Integer.parseInt(line.toString().split(" ")[1]);
        }
    }
}

package org.dateline.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.dateline.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests refused before the application sees them (by Jetty, or by Spring Security's firewall) answer with the
 * security headers every other answer carries and a short body that names no server and shows no stack trace. Sent
 * over a raw socket, since an HTTP client would refuse to send most of them.
 */
@IntegrationTest
class ContainerRefusalsIT {

    @LocalServerPort
    int port;

    /** What is sent after "GET " (or instead of the whole request line), by what the container refuses. */
    static Map<String, String> refusals() {
        Map<String, String> refusals = new LinkedHashMap<>();
        refusals.put("an invalid percent-encoding in the path", "GET /%zz HTTP/1.1\r\nHost: localhost\r\n");
        refusals.put("a NUL in the path", "GET /a%00b HTTP/1.1\r\nHost: localhost\r\n");
        refusals.put("an encoded slash climbing out", "GET /..%2f HTTP/1.1\r\nHost: localhost\r\n");
        refusals.put("a path above the root", "GET /../../etc/passwd HTTP/1.1\r\nHost: localhost\r\n");
        refusals.put("a path that is no UTF-8", "GET /%c0%ae%c0%ae/ HTTP/1.1\r\nHost: localhost\r\n");
        refusals.put("a control character in the request line", "GET /a\u0001b HTTP/1.1\r\nHost: localhost\r\n");
        refusals.put("a 16 KB URL", "GET /" + "a".repeat(16 * 1024) + " HTTP/1.1\r\nHost: localhost\r\n");
        refusals.put("a 64 KB header", "GET /en/ HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(64 * 1024) + "\r\n");
        refusals.put("a method that is no token", "G(T / HTTP/1.1\r\nHost: localhost\r\n");
        refusals.put("an invalid Host", "GET / HTTP/1.1\r\nHost: exa mple..com:xx\r\n");
        refusals.put("no Host", "GET / HTTP/1.1\r\n");
        refusals.put("two Hosts", "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n");
        refusals.put("a header name that is no token", "GET / HTTP/1.1\r\nHost: localhost\r\nX(Y: 1\r\n");
        refusals.put("a Content-Length that is no number", "POST /account/login HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Length: abc\r\n");
        refusals.put("an unknown expectation", "GET / HTTP/1.1\r\nHost: localhost\r\nExpect: miracles\r\n");
        refusals.put("a path parameter (the firewall)", "GET /en/;jsessionid=x HTTP/1.1\r\nHost: localhost\r\n");
        refusals.put("a double slash (the firewall)", "GET //en/ HTTP/1.1\r\nHost: localhost\r\n");
        refusals.put("an encoded line break (the firewall)", "GET /api/admin/articles/%0a HTTP/1.1\r\nHost: localhost\r\n");
        return refusals;
    }

    @Test
    void everyRefusalCarriesTheSecurityHeadersAndAShortBody() throws IOException {
        Map<String, String> wrong = new LinkedHashMap<>();
        for (var refusal : refusals().entrySet()) {
            for (String accept : new String[] {"text/html", "application/json"}) {
                String answer = send(refusal.getValue() + "Accept: " + accept + "\r\nConnection: close\r\n\r\n");
                String problem = problem(answer, 400, 499);
                if (problem != null) {
                    wrong.put(refusal.getKey() + " (" + accept + ")", problem + "\n" + head(answer));
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** An unknown version is answered with a 5xx, rightly: the fault is the client's, but the status says what it is. */
    @Test
    void anUnsupportedVersionOrTransferCodingIsAnsweredTheSameWay() throws IOException {
        String version = send("GET / HTTP/9.9\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(problem(version, 505, 505)).isNull();
        String coding = send("POST / HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: zip\r\nConnection: close\r\n\r\n");
        assertThat(problem(coding, 400, 501)).isNull();
    }

    /**
     * A refusal of a request whose headers were read. A path Jetty cannot decode at all ({@code /%zz}, {@code %00})
     * is refused while the request line is read, before any header: its answer is always a problem document.
     */
    @Test
    void aBrowserGetsAShortPageInItsLanguageAndAnyOtherClientAProblemDocument() throws IOException {
        String page = send("GET /..%2f HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\nAccept-Language: ru\r\n"
                + "Connection: close\r\n\r\n");
        assertThat(head(page)).contains("Content-Type: text/html;charset=UTF-8");
        assertThat(page).contains("<html lang=\"ru\">").contains("Адрес или запрос неверен.");

        String problem = send("GET /..%2f HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(head(problem)).contains("Content-Type: application/problem+json");
        assertThat(problem).contains("\"code\":\"bad_request\"").contains("\"status\":400");
    }

    /** Null when the answer is as it should be, else what is wrong with it. */
    private static String problem(String answer, int lowest, int highest) {
        if (answer.isEmpty()) {
            return "no answer";
        }
        int status = Integer.parseInt(answer.substring(9, 12));
        String head = head(answer);
        String body = answer.substring(head.length());
        if (status < lowest || status > highest) {
            return "status " + status;
        }
        for (String header : new String[] {"Content-Security-Policy: default-src 'self'", "X-Frame-Options: DENY",
                "X-Content-Type-Options: nosniff", "Referrer-Policy: strict-origin-when-cross-origin"}) {
            if (!head.contains("\r\n" + header)) {
                return "no " + header;
            }
        }
        if (body.contains("Tomcat") || body.contains("Jetty") || body.contains("Exception") || body.contains("\tat ")) {
            return "the body names the server or shows a stack trace";
        }
        if (body.length() > 30_000) {
            return "a body of " + body.length() + " characters";
        }
        return null;
    }

    private static String head(String answer) {
        int end = answer.indexOf("\r\n\r\n");
        return end < 0 ? answer : answer.substring(0, end + 4);
    }

    private String send(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            try {
                in.transferTo(answer);
            } catch (SocketTimeoutException | java.net.SocketException e) {
                // what came before a reset or the timeout is the answer
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}

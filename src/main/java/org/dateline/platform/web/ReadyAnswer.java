package org.dateline.platform.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * An answer prepared once and sent many times: its headers encoded as they go on the wire, its body and the gzip
 * form of it (when smaller) ready to write, its strong ETag. It answers a GET or HEAD with a 200 (gzip when the client
 * accepts it), or a 304 when the client holds these bytes; a secure request also gets {@link StrictTransport}'s
 * header, which no stored answer may carry since it belongs to the exchange.
 * <p>
 * It is sent either on Jetty's own request and response, where writing never blocks (the hit paths in front of the
 * servlet layer), or through the servlet API with exactly the same headers (when the servlet layer had to make it).
 */
public final class ReadyAnswer {

    private static final HttpField GZIP = new PreEncodedHttpField(HttpHeader.CONTENT_ENCODING, "gzip");
    private static final HttpField STRICT_TRANSPORT = new PreEncodedHttpField(HttpHeader.STRICT_TRANSPORT_SECURITY,
            StrictTransport.VALUE);

    private final List<HttpField> headers;
    private final String etag;
    private final Body identity;
    private final Body gzip;

    private record Body(byte[] array, ByteBuffer bytes, HttpField length) {

        static Body of(byte[] array) {
            return array == null ? null : new Body(array, ByteBuffer.wrap(array).asReadOnlyBuffer(),
                    new PreEncodedHttpField(HttpHeader.CONTENT_LENGTH, array.length));
        }
    }

    private final int weight;

    private ReadyAnswer(List<Map.Entry<String, String>> headers, String etag, byte[] body, byte[] gzip) {
        List<HttpField> fields = new ArrayList<>();
        headers.forEach(h -> fields.add(new PreEncodedHttpField(h.getKey(), h.getValue())));
        fields.add(new PreEncodedHttpField(HttpHeader.ETAG, etag));
        this.headers = List.copyOf(fields);
        this.etag = etag;
        this.identity = Body.of(body);
        this.gzip = Body.of(gzip);
        this.weight = body.length + (gzip == null ? 0 : gzip.length)
                + headers.stream().mapToInt(h -> h.getKey().length() + h.getValue().length()).sum() * 2;
    }

    /**
     * The answer with these headers (every one but its ETag, length, encoding and HSTS, in the order they are sent,
     * the ETag after them) and this body, and its gzip form if asked for and smaller.
     */
    public static ReadyAnswer of(List<Map.Entry<String, String>> headers, byte[] body, boolean compress) {
        byte[] gzip = compress ? gzip(body) : null;
        return new ReadyAnswer(headers, etag(body), body, gzip != null && gzip.length < body.length ? gzip : null);
    }

    public String etag() {
        return etag;
    }

    /** The body as it is. */
    public byte[] body() {
        return identity.array();
    }

    /** The gzip form of the body, or null if it is sent only as it is. */
    public byte[] gzipBody() {
        return gzip == null ? null : gzip.array();
    }

    /** Approximate heap cost in bytes (its encoded headers counted twice: as text and encoded). */
    public int weight() {
        return weight;
    }

    /** Sends the answer on Jetty's own response: nothing here blocks, so it may run on the selector thread. */
    public void send(Request request, Response response, Callback callback) {
        HttpFields.Mutable out = response.getHeaders();
        for (HttpField header : headers) {
            out.add(header);
        }
        if (request.isSecure()) {
            out.add(STRICT_TRANSPORT);
        }
        HttpFields in = request.getHeaders();
        if (matches(in.get(HttpHeader.IF_NONE_MATCH), etag)) {
            response.setStatus(HttpStatus.NOT_MODIFIED_304);
            response.write(true, null, callback);
            return;
        }
        Body body = gzip != null && acceptsGzip(in.get(HttpHeader.ACCEPT_ENCODING)) ? gzip : identity;
        if (body == gzip) {
            out.add(GZIP);
        }
        out.add(body.length());
        response.write(true, HttpMethod.HEAD.is(request.getMethod()) ? null : body.bytes().slice(), callback);
    }

    /** Sends the same answer through the servlet API. */
    public void send(HttpServletRequest request, HttpServletResponse response) throws IOException {
        for (HttpField header : headers) {
            response.addHeader(header.getName(), header.getValue());
        }
        StrictTransport.write(request, response);
        if (matches(request.getHeader("If-None-Match"), etag)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        Body body = gzip != null && acceptsGzip(request.getHeader("Accept-Encoding")) ? gzip : identity;
        if (body == gzip) {
            response.setHeader("Content-Encoding", "gzip");
        }
        response.setContentLength(body.array().length);
        if (!"HEAD".equals(request.getMethod())) {
            try (OutputStream out = response.getOutputStream()) {
                out.write(body.array());
            }
        }
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(body);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return out.toByteArray();
    }

    private static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27) + "\"";
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Whether {@code If-None-Match} names this ETag, strong or weak, or is {@code *}. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (int start = 0; start <= ifNoneMatch.length(); ) {
            int end = ifNoneMatch.indexOf(',', start);
            end = end < 0 ? ifNoneMatch.length() : end;
            int from = skipSpaces(ifNoneMatch, start, end);
            int to = trimEnd(ifNoneMatch, from, end);
            if (is(ifNoneMatch, from, to, "*") || is(ifNoneMatch, from, to, etag)
                    || (to - from == etag.length() + 2 && ifNoneMatch.startsWith("W/", from)
                    && ifNoneMatch.regionMatches(from + 2, etag, 0, etag.length()))) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }

    /**
     * Whether {@code Accept-Encoding} lists gzip, unless with {@code q=0} as its first parameter. Read without
     * splitting: it runs on every hit.
     */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (int start = 0; start <= acceptEncoding.length(); ) {
            int end = acceptEncoding.indexOf(',', start);
            end = end < 0 ? acceptEncoding.length() : end;
            int semicolon = acceptEncoding.indexOf(';', start);
            int nameEnd = semicolon >= 0 && semicolon < end ? semicolon : end;
            int from = skipSpaces(acceptEncoding, start, nameEnd);
            if (trimEnd(acceptEncoding, from, nameEnd) - from == 4 && acceptEncoding.regionMatches(true, from, "gzip", 0, 4)) {
                if (nameEnd == end) {
                    return true;
                }
                int next = acceptEncoding.indexOf(';', nameEnd + 1);
                String parameter = acceptEncoding.substring(nameEnd + 1, next >= 0 && next < end ? next : end);
                return !parameter.replace(" ", "").equals("q=0");
            }
            start = end + 1;
        }
        return false;
    }

    private static boolean is(String text, int from, int to, String expected) {
        return to - from == expected.length() && text.startsWith(expected, from);
    }

    private static int skipSpaces(String text, int from, int end) {
        while (from < end && text.charAt(from) <= ' ') {
            from++;
        }
        return from;
    }

    private static int trimEnd(String text, int from, int end) {
        while (end > from && text.charAt(end - 1) <= ' ') {
            end--;
        }
        return end;
    }
}

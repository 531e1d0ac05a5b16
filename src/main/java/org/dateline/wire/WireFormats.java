package org.dateline.wire;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Reads wire copy in any format Dateline takes: IPTC NewsML-G2 ({@code newsItem}, {@code newsMessage}), IPTC ninjs
 * 1.x-3.x, RSS and Atom. Pure parsing: no database, no network, no Spring. Never throws for bad input: every item
 * that cannot be read is a {@link ParseError} with a stable code, and the good items of a batch are kept.
 * <p>
 * XML is read with DOCTYPEs refused (no entity expansion, no external fetches) and bodies above
 * {@link #MAX_BYTES} are refused unread. Bytes that are not text in the declared encoding are refused
 * ({@code invalid_encoding}, see {@link SecureXml}), and so is an item nested deeper than {@link Nesting#MAX_DEPTH}
 * levels ({@code too_deep}), alone.
 */
public final class WireFormats {

    private static final Logger log = LoggerFactory.getLogger(WireFormats.class);

    /** The largest document read: far above any real story or feed, far below what could hurt the heap. */
    public static final int MAX_BYTES = 16 * 1024 * 1024;

    private WireFormats() {
    }

    /**
     * @param contentType the HTTP Content-Type, parameters allowed; {@code null} or a generic XML type means the
     *                    root element decides
     * @param sourceName  names the document in errors (a file name, a feed URL, a push request id)
     */
    public static ParseResult parse(String contentType, byte[] body, String sourceName) {
        String source = sourceName == null || sourceName.isBlank() ? "input" : sourceName;
        try {
            return read(contentType, body, source);
        } catch (Nesting.TooDeep tooDeep) { // outside any item: a feed's channel, a feed's title
            return new ParseResult(List.of(), List.of(Nesting.error(source)));
        } catch (RuntimeException unexpected) {
            return new ParseResult(List.of(), List.of(unreadable(source, unexpected)));
        }
    }

    private static ParseResult read(String contentType, byte[] body, String source) {
        if (body == null || body.length == 0) {
            return ParseResult.failed(source, ParseError.Codes.UNKNOWN_FORMAT, "The document is empty.");
        }
        if (body.length > MAX_BYTES) {
            return ParseResult.failed(source, ParseError.Codes.TOO_LARGE,
                    "The document is larger than " + MAX_BYTES + " bytes.");
        }
        String mediaType = mediaType(contentType);
        Charset charset = charset(contentType);
        Expected expected = expected(mediaType);
        if (expected == Expected.UNKNOWN) {
            expected = sniff(body);
        }
        return switch (expected) {
            case JSON -> NinjsReader.read(body, source);
            case XML -> readXml(body, charset, source);
            default -> ParseResult.failed(source, ParseError.Codes.UNKNOWN_FORMAT,
                    "Content type " + (mediaType == null ? "(none)" : mediaType) + " is not a wire format.");
        };
    }

    /**
     * A file of a watched folder: {@code .json} is ninjs, {@code .xml}, {@code .rss}, {@code .atom} and the like are
     * XML told apart by their root element; anything else is sniffed.
     */
    public static ParseResult parse(Path file) {
        String source = String.valueOf(file.getFileName());
        try {
            if (Files.size(file) > MAX_BYTES) {
                return ParseResult.failed(source, ParseError.Codes.TOO_LARGE,
                        "The file is larger than " + MAX_BYTES + " bytes.");
            }
            String name = source.toLowerCase(Locale.ROOT);
            String type = name.endsWith(".json") ? "application/json"
                    : name.endsWith(".xml") || name.endsWith(".rss") || name.endsWith(".atom")
                    || name.endsWith(".rdf") || name.endsWith(".nml") ? "application/xml" : null;
            return parse(type, Files.readAllBytes(file), source);
        } catch (IOException e) {
            log.warn("Wire file {} not read: {}", source, e.toString());
            return ParseResult.failed(source, ParseError.Codes.UNKNOWN_FORMAT, "The file cannot be read.");
        }
    }

    /**
     * An item (or document) a reader failed on in a way no rule names: a fault of ours, logged for whoever runs
     * Dateline; the sender is told in our words, never the exception's.
     */
    static ParseError unreadable(String ref, RuntimeException unexpected) {
        log.warn("Wire item {} could not be read", ref, unexpected);
        return new ParseError(ref, ParseError.Codes.SCHEMA_INVALID, "The item could not be read.");
    }

    private enum Expected { XML, JSON, UNKNOWN, UNSUPPORTED }

    private static Expected expected(String mediaType) {
        if (mediaType == null || mediaType.equals("application/octet-stream") || mediaType.equals("text/plain")) {
            return Expected.UNKNOWN;
        }
        if (mediaType.equals("application/json") || mediaType.equals("application/ninjs+json")
                || mediaType.endsWith("+json")) {
            return Expected.JSON;
        }
        if (mediaType.equals("application/xml") || mediaType.equals("text/xml") || mediaType.endsWith("+xml")) {
            return Expected.XML;
        }
        return Expected.UNSUPPORTED;
    }

    /** The first character that is not a BOM or whitespace: '<' is XML, '{' or '[' JSON. */
    private static Expected sniff(byte[] body) {
        for (byte b : body) {
            char c = (char) (b & 0xff);
            if (c == '<') {
                return Expected.XML;
            }
            if (c == '{' || c == '[') {
                return Expected.JSON;
            }
            if (!Character.isWhitespace(c) && c != 0xEF && c != 0xBB && c != 0xBF && c != 0xFE && c != 0xFF
                    && c != 0) {
                return Expected.UNSUPPORTED;
            }
        }
        return Expected.UNSUPPORTED;
    }

    private static ParseResult readXml(byte[] body, Charset charset, String source) {
        Document document;
        try {
            document = SecureXml.parse(body, charset);
        } catch (SecureXml.Refused refused) {
            return ParseResult.failed(source, refused.code, refused.getMessage());
        }
        Element root = document.getDocumentElement();
        String name = SecureXml.localName(root);
        if (name.equals("rss") || name.equals("RDF") || name.equals("feed")) {
            return FeedReader.read(document, source);
        }
        if (!name.equals("newsMessage") && !NewsmlG2Reader.ITEM_ROOTS.contains(name)) {
            return ParseResult.failed(source, ParseError.Codes.UNKNOWN_FORMAT,
                    "A document with root element " + name + " is not a wire format.");
        }
        return NewsmlG2Reader.read(root, source);
    }

    private static String mediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        return contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    }

    private static Charset charset(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String parameter : contentType.split(";")) {
            String[] pair = parameter.trim().split("=", 2);
            if (pair.length == 2 && pair[0].trim().equalsIgnoreCase("charset")) {
                try {
                    return Charset.forName(pair[1].trim().replace("\"", ""));
                } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                    return null;
                }
            }
        }
        return null;
    }
}

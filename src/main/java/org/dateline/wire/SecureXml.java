package org.dateline.wire;

import java.io.ByteArrayInputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.StringReader;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The one way wire XML is read. Any DOCTYPE is refused, so no entity is ever expanded or fetched (XXE, "billion
 * laughs"); no DTD, schema or XInclude is loaded. The JDK's own parser is used whatever else is on the class path.
 * Elements are found by local name, so no-namespace variants of NewsML-G2 (TT's) read like the real thing.
 * <p>
 * The bytes must be text in the encoding the document declares (the Content-Type's charset, else a byte order mark
 * or the XML declaration; a declaration naming none means UTF-8), or the document is refused with where they stop
 * being ({@code invalid_encoding}). Only a document that declares nothing at all and is not UTF-8 is read as
 * Windows-1252, as older feeds are written.
 */
final class SecureXml {

    private static final Charset LATIN = Charset.forName("windows-1252");
    /** Reads no further than the XML declaration: no DTD, no entities. */
    private static final XMLInputFactory PROLOG = prologFactory();

    private SecureXml() {
    }

    /** Thrown for input that is not XML we accept; {@code code} is a {@link ParseError.Codes} value. */
    static final class Refused extends Exception {
        final String code;

        Refused(String code, String message) {
            super(message);
            this.code = code;
        }
    }

    /**
     * @param charset the charset a Content-Type named, or {@code null}: then the document's own declaration or BOM
     *                decides, and a document without either that is not UTF-8 is read as Windows-1252
     */
    static Document parse(byte[] body, Charset charset) throws Refused {
        Charset declared = charset != null ? charset : declaredEncoding(body);
        if (declared == null) {
            boolean utf8 = Decoding.firstInvalidByte(body, StandardCharsets.UTF_8) < 0;
            return parse(utf8 ? new InputSource(new ByteArrayInputStream(body))
                    : new InputSource(new StringReader(new String(body, LATIN))));
        }
        long invalid = Decoding.firstInvalidByte(body, declared);
        if (invalid >= 0) {
            throw new Refused(ParseError.Codes.INVALID_ENCODING, Decoding.notValid(declared, invalid));
        }
        InputSource source = new InputSource(new ByteArrayInputStream(body));
        if (charset != null) {
            source.setEncoding(charset.name());
        }
        return parse(source);
    }

    /**
     * The encoding a document declares by its byte order mark or XML declaration (UTF-8 for a declaration that names
     * none), or {@code null} when it declares nothing. A declaration too broken to read counts as one naming none:
     * the parser then says what is wrong with it.
     */
    private static Charset declaredEncoding(byte[] body) throws Refused {
        if (body.length >= 3 && body[0] == (byte) 0xEF && body[1] == (byte) 0xBB && body[2] == (byte) 0xBF) {
            return StandardCharsets.UTF_8;
        }
        String name;
        try {
            XMLStreamReader prolog = PROLOG.createXMLStreamReader(new ByteArrayInputStream(body));
            try {
                String detected = prolog.getEncoding(); // from a byte order mark or the first bytes: UTF-16 and the like
                if (detected != null && !detected.equalsIgnoreCase("UTF-8")) {
                    name = detected;
                } else if (prolog.getCharacterEncodingScheme() != null) {
                    name = prolog.getCharacterEncodingScheme();
                } else {
                    return prolog.getVersion() != null ? StandardCharsets.UTF_8 : null;
                }
            } finally {
                prolog.close();
            }
        } catch (XMLStreamException brokenDeclaration) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException unknown) {
            throw unknownEncoding(name);
        }
    }

    private static Refused unknownEncoding(String name) {
        return new Refused(ParseError.Codes.INVALID_ENCODING,
                "The declared encoding " + name + " is not one Dateline reads.");
    }

    private static Document parse(InputSource source) throws Refused {
        try {
            return builder().parse(source);
        } catch (UnsupportedEncodingException e) { // the declaration names an encoding the parser lacks
            throw unknownEncoding(e.getMessage());
        } catch (CharConversionException e) {
            throw new Refused(ParseError.Codes.INVALID_ENCODING, "Not readable in its declared encoding.");
        } catch (SAXException e) {
            throw refusal(e);
        } catch (IOException e) {
            throw new Refused(ParseError.Codes.MALFORMED_XML, "Not readable as XML.");
        }
    }

    private static Refused refusal(SAXException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.contains("DOCTYPE")) {
            return new Refused(ParseError.Codes.DOCTYPE_REFUSED,
                    "Documents with a DOCTYPE are refused (no entities are expanded or fetched).");
        }
        String where = e instanceof SAXParseException p ? " (line " + p.getLineNumber() + ")" : "";
        if (message.startsWith("JAXP")) {
            // the JDK's processing limits, named by its own codes and property names
            return new Refused(ParseError.Codes.TOO_LARGE, "Beyond what Dateline reads" + where
                    + ": an element or attribute name too long, or too many attributes on one element.");
        }
        return new Refused(ParseError.Codes.MALFORMED_XML, "Not well-formed XML" + where + ": " + message);
    }

    private static XMLInputFactory prologFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    }

    private static DocumentBuilder builder() throws Refused {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                    // not worth a word
                }

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("DOCTYPE and external entities are refused");
            });
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The JDK's XML parser lacks a security feature", e);
        }
    }

    static String localName(Node node) {
        return node.getLocalName() == null ? node.getNodeName() : node.getLocalName();
    }

    static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        if (parent == null) {
            return found;
        }
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && localName.equals(localName(element))) {
                found.add(element);
            }
        }
        return found;
    }

    static List<Element> elements(Element parent) {
        List<Element> found = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                found.add(element);
            }
        }
        return found;
    }

    static Element child(Element parent, String localName) {
        List<Element> found = children(parent, localName);
        return found.isEmpty() ? null : found.get(0);
    }

    /** Follows a path of local names, first match at each step. */
    static Element path(Element from, String... localNames) {
        Element at = from;
        for (String name : localNames) {
            at = child(at, name);
            if (at == null) {
                return null;
            }
        }
        return at;
    }

    /** The element's text, whitespace collapsed; null when absent or empty. */
    static String text(Element element) {
        return element == null ? null : PlainText.clean(textContent(element));
    }

    /**
     * The text of a node and everything in it, as {@code getTextContent()} gives it, gathered along the nodes' links:
     * the DOM's own method recurses once per level, and wire copy may nest as deep as it likes.
     */
    static String textContent(Node root) {
        StringBuilder text = new StringBuilder();
        Node node = root;
        while (node != null) {
            if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(node.getNodeValue());
            }
            Node next = node.getFirstChild();
            while (next == null && node != root) {
                next = node.getNextSibling();
                node = node.getParentNode();
            }
            node = next;
        }
        return text.toString();
    }

    /** An attribute's value, or null when absent or empty (DOM answers "" for both). */
    static String attr(Element element, String name) {
        if (element == null) {
            return null;
        }
        String value = element.getAttribute(name);
        return value.isEmpty() ? null : value;
    }

    /** {@code xml:lang} of the element or its nearest ancestor. */
    static String xmlLang(Element element) {
        for (Node at = element; at instanceof Element e; at = e.getParentNode()) {
            String lang = e.getAttributeNS(XMLConstants.XML_NS_URI, "lang");
            if (!lang.isEmpty()) {
                return lang;
            }
        }
        return null;
    }
}

package org.dateline.wire;

import java.io.ByteArrayInputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

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
 */
final class SecureXml {

    private static final Charset LATIN = Charset.forName("windows-1252");

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
     *                decides, and a document without one that is not UTF-8 is read as Windows-1252 (old feeds are)
     */
    static Document parse(byte[] body, Charset charset) throws Refused {
        try {
            InputSource source = new InputSource(new ByteArrayInputStream(body));
            if (charset != null) {
                source.setEncoding(charset.name());
            }
            return builder().parse(source);
        } catch (CharConversionException e) {
            if (charset != null) {
                throw new Refused(ParseError.Codes.MALFORMED_XML, "Not readable as " + charset.name() + ".");
            }
            return parseLatin(body);
        } catch (SAXException e) {
            if (charset == null && isEncodingProblem(e)) {
                return parseLatin(body);
            }
            throw refusal(e);
        } catch (IOException e) {
            throw new Refused(ParseError.Codes.MALFORMED_XML, "Not readable as XML: " + e.getMessage());
        }
    }

    /** The JDK parser reports bytes that are not UTF-8 as a parse error wrapping a CharConversionException. */
    private static boolean isEncodingProblem(SAXException e) {
        return e.getException() instanceof CharConversionException || e.getCause() instanceof CharConversionException
                || String.valueOf(e.getMessage()).contains("UTF-8 sequence");
    }

    private static Document parseLatin(byte[] body) throws Refused {
        try {
            return builder().parse(new InputSource(new StringReader(new String(body, LATIN))));
        } catch (SAXException e) {
            throw refusal(e);
        } catch (IOException e) {
            throw new Refused(ParseError.Codes.MALFORMED_XML, "Not readable as XML: " + e.getMessage());
        }
    }

    private static Refused refusal(SAXException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.contains("DOCTYPE")) {
            return new Refused(ParseError.Codes.DOCTYPE_REFUSED,
                    "Documents with a DOCTYPE are refused (no entities are expanded or fetched).");
        }
        String where = e instanceof SAXParseException p ? " (line " + p.getLineNumber() + ")" : "";
        return new Refused(ParseError.Codes.MALFORMED_XML, "Not well-formed XML" + where + ": " + message);
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
        return element == null ? null : PlainText.clean(element.getTextContent());
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

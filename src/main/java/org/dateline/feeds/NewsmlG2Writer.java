package org.dateline.feeds;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.dateline.content.Article;
import org.dateline.content.BodyWriter;
import org.dateline.editions.Author;
import org.dateline.editions.Edition;
import org.dateline.editions.Tag;
import org.dateline.media.Picture;

/**
 * A published article as an IPTC NewsML-G2 2.35 {@code newsItem}: text item class, the edition's site as provider,
 * the body as XHTML paragraphs in {@code inlineXML}, the pictures it shows linked as items of their own
 * ({@link NewsmlPictureWriter}). Element order follows the 2.35 schema, which the tests check.
 * <p>
 * The guid is built from the site's host and the article id, which never change (slugs and sections may); the
 * version is the last update time in epoch milliseconds, as in the ninjs API, so it grows with every update.
 */
final class NewsmlG2Writer {

    static final String MEDIA_TYPE = "application/vnd.iptc.g2.newsitem+xml";
    static final String NAR = "http://iptc.org/std/nar/2006-10-01/";
    static final String XHTML = "http://www.w3.org/1999/xhtml";
    static final String IPTC_CATALOG = "http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_37.xml";
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private NewsmlG2Writer() {
    }

    static String guid(String baseUrl, Article article) {
        String host = URI.create(baseUrl).getHost();
        return "urn:newsml:" + host + ":" + DAY.format(article.publishedAt().atOffset(ZoneOffset.UTC)) + ":"
                + article.id();
    }

    static byte[] write(Article article, Edition edition, String baseUrl) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = openNewsItem(out, guid(baseUrl, article),
                    String.valueOf(article.updatedAt().toEpochMilli()));
            xml.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", edition.locale().toLanguageTag());

            empty(xml, "catalogRef", "href", IPTC_CATALOG);
            xml.writeStartElement(NAR, "rightsInfo");
            xml.writeStartElement(NAR, "copyrightHolder");
            xml.writeAttribute("uri", baseUrl + "/");
            element(xml, "name", edition.siteName());
            xml.writeEndElement();
            xml.writeEndElement();

            xml.writeStartElement(NAR, "itemMeta");
            empty(xml, "itemClass", "qcode", "ninat:text");
            provider(xml, baseUrl, edition.siteName(), article.updatedAt(), article.publishedAt());
            if (article.correctionNote() != null) {
                element(xml, "edNote", "Correction: " + article.correctionNote());
            }
            for (Picture picture : article.picturesInOrder()) {
                // Each picture the story shows is an item of its own, fetched from its address.
                xml.writeEmptyElement(NAR, "link");
                xml.writeAttribute("rel", "irel:associatedWith");
                xml.writeAttribute("residref", PictureSyndication.guid(baseUrl, picture));
                xml.writeAttribute("version", PictureSyndication.version(picture));
                xml.writeAttribute("contenttype", MEDIA_TYPE);
                xml.writeAttribute("href", baseUrl + PictureSyndication.NEWSML_PATH + picture.id());
            }
            xml.writeEndElement();

            xml.writeStartElement(NAR, "contentMeta");
            element(xml, "contentCreated", article.publishedAt().toString());
            element(xml, "contentModified", article.updatedAt().toString());
            if (article.datelinePlace() != null) {
                xml.writeStartElement(NAR, "located");
                element(xml, "name", article.datelinePlace());
                xml.writeEndElement();
            }
            for (Author author : article.authors()) {
                xml.writeStartElement(NAR, "creator");
                xml.writeAttribute("uri", baseUrl + author.path(article.edition()));
                element(xml, "name", author.name());
                xml.writeEndElement();
            }
            empty(xml, "language", "tag", edition.locale().toLanguageTag());
            for (Tag tag : article.tags()) {
                xml.writeStartElement(NAR, "subject");
                xml.writeAttribute("uri", baseUrl + tag.path());
                element(xml, "name", tag.name());
                xml.writeEndElement();
            }
            element(xml, "slugline", article.slug());
            element(xml, "headline", article.headline());
            if (article.datelinePlace() != null && article.datelineDate() != null) {
                element(xml, "dateline", article.datelinePlace() + ", " + article.datelineDate()
                        .format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(edition.locale())));
            }
            if (article.credit() != null) {
                element(xml, "creditline", article.credit());
            }
            if (article.lead() != null) {
                xml.writeStartElement(NAR, "description");
                xml.writeAttribute("role", "drol:summary");
                xml.writeCharacters(article.lead());
                xml.writeEndElement();
            }
            xml.writeEndElement();

            xml.writeStartElement(NAR, "contentSet");
            xml.writeStartElement(NAR, "inlineXML");
            xml.writeAttribute("contenttype", "application/xhtml+xml");
            xml.setDefaultNamespace(XHTML);
            xml.writeStartElement(XHTML, "html");
            xml.writeDefaultNamespace(XHTML);
            xml.writeStartElement(XHTML, "head");
            xml.writeStartElement(XHTML, "title");
            xml.writeCharacters(article.headline());
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeStartElement(XHTML, "body");
            article.body().render(new XhtmlBody(xml), null);
            xml.writeEndElement(); // body
            xml.writeEndElement(); // html
            xml.setDefaultNamespace(NAR);
            xml.writeEndElement(); // inlineXML
            xml.writeEndElement(); // contentSet
            xml.writeEndElement(); // newsItem
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Writing NewsML-G2 to memory failed", e);
        }
        return out.toByteArray();
    }

    /** The document and its {@code newsItem} opened, as every item of this API starts. */
    static XMLStreamWriter openNewsItem(ByteArrayOutputStream out, String guid, String version)
            throws XMLStreamException {
        XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
        xml.writeStartDocument("UTF-8", "1.0");
        xml.setDefaultNamespace(NAR);
        xml.writeStartElement(NAR, "newsItem");
        xml.writeDefaultNamespace(NAR);
        xml.writeAttribute("guid", guid);
        xml.writeAttribute("version", version);
        xml.writeAttribute("standard", "NewsML-G2");
        xml.writeAttribute("standardversion", "2.35");
        xml.writeAttribute("conformance", "power");
        return xml;
    }

    /** {@code itemMeta} after the item class: the site as provider, the version's times, usable. */
    static void provider(XMLStreamWriter xml, String baseUrl, String name, java.time.Instant versionCreated,
                         java.time.Instant firstCreated) throws XMLStreamException {
        xml.writeStartElement(NAR, "provider");
        xml.writeAttribute("uri", baseUrl + "/");
        element(xml, "name", name);
        xml.writeEndElement();
        element(xml, "versionCreated", versionCreated.toString());
        element(xml, "firstCreated", firstCreated.toString());
        empty(xml, "pubStatus", "qcode", "stat:usable");
    }

    static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(NAR, name);
        xml.writeCharacters(text == null ? "" : text);
        xml.writeEndElement();
    }

    static void empty(XMLStreamWriter xml, String name, String attribute, String value)
            throws XMLStreamException {
        xml.writeEmptyElement(NAR, name);
        xml.writeAttribute(attribute, value);
    }

    /** The body's elements into the XHTML namespace of {@code inlineXML}. */
    private record XhtmlBody(XMLStreamWriter xml) implements BodyWriter {

        @Override
        public void start(String element, String... attributes) {
            try {
                xml.writeStartElement(XHTML, element);
                for (int i = 0; i + 1 < attributes.length; i += 2) {
                    xml.writeAttribute(attributes[i], attributes[i + 1]);
                }
            } catch (XMLStreamException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void text(String text) {
            try {
                xml.writeCharacters(text);
            } catch (XMLStreamException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void end(String element) {
            try {
                xml.writeEndElement();
            } catch (XMLStreamException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void empty(String element) {
            try {
                xml.writeEmptyElement(XHTML, element);
            } catch (XMLStreamException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}

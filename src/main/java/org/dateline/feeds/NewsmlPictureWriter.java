package org.dateline.feeds;

import java.io.ByteArrayOutputStream;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.dateline.media.Picture;

import static org.dateline.feeds.NewsmlG2Writer.IPTC_CATALOG;
import static org.dateline.feeds.NewsmlG2Writer.NAR;
import static org.dateline.feeds.NewsmlG2Writer.element;
import static org.dateline.feeds.NewsmlG2Writer.empty;
import static org.dateline.feeds.NewsmlG2Writer.openNewsItem;
import static org.dateline.feeds.NewsmlG2Writer.provider;

/**
 * A picture a live story shows as an IPTC NewsML-G2 2.35 {@code newsItem} of class picture: its rights (credit as
 * holder, the copyright notice), headline, photographer, credit line, caption and alt text, and its renditions as
 * {@code remoteContent} with their addresses, sizes and IPTC rendition roles. The text items that show it link here.
 */
final class NewsmlPictureWriter {

    private NewsmlPictureWriter() {
    }

    static byte[] write(Picture picture, String provider, String baseUrl) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = openNewsItem(out, PictureSyndication.guid(baseUrl, picture),
                    PictureSyndication.version(picture));

            empty(xml, "catalogRef", "href", IPTC_CATALOG);
            xml.writeStartElement(NAR, "rightsInfo");
            xml.writeStartElement(NAR, "copyrightHolder");
            element(xml, "name", picture.credit().isBlank() ? provider : picture.credit());
            xml.writeEndElement();
            if (!picture.copyright().isBlank()) {
                element(xml, "copyrightNotice", picture.copyright());
            }
            xml.writeEndElement();

            xml.writeStartElement(NAR, "itemMeta");
            empty(xml, "itemClass", "qcode", "ninat:picture");
            provider(xml, baseUrl, provider, picture.updatedAt(), picture.createdAt());
            xml.writeEndElement();

            xml.writeStartElement(NAR, "contentMeta");
            if (picture.takenAt() != null) {
                element(xml, "contentCreated", picture.takenAt().toString());
            }
            element(xml, "contentModified", picture.updatedAt().toString());
            if (!picture.byline().isBlank()) {
                xml.writeStartElement(NAR, "creator");
                xml.writeAttribute("role", "crol:photographer");
                element(xml, "name", picture.byline());
                xml.writeEndElement();
            }
            if (!picture.headline().isBlank()) {
                element(xml, "headline", picture.headline());
            }
            if (!picture.byline().isBlank()) {
                element(xml, "by", picture.byline());
            }
            if (!picture.credit().isBlank()) {
                element(xml, "creditline", picture.credit());
            }
            description(xml, "drol:caption", picture.caption());
            description(xml, "drol:alternativeText", picture.altText());
            xml.writeEndElement();

            xml.writeStartElement(NAR, "contentSet");
            for (PictureSyndication.Offered offered : PictureSyndication.renditions(picture)) {
                xml.writeEmptyElement(NAR, "remoteContent");
                xml.writeAttribute("rendition", "rnd:" + offered.role());
                xml.writeAttribute("href", baseUrl + offered.rendition().path());
                xml.writeAttribute("contenttype", offered.rendition().contentType());
                xml.writeAttribute("width", String.valueOf(offered.rendition().width()));
                xml.writeAttribute("height", String.valueOf(offered.rendition().height()));
            }
            xml.writeEndElement();
            xml.writeEndElement(); // newsItem
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Writing NewsML-G2 to memory failed", e);
        }
        return out.toByteArray();
    }

    private static void description(XMLStreamWriter xml, String role, String text) throws XMLStreamException {
        if (!text.isBlank()) {
            xml.writeStartElement(NAR, "description");
            xml.writeAttribute("role", role);
            xml.writeCharacters(text);
            xml.writeEndElement();
        }
    }
}

package org.dateline.wire;

import java.util.ArrayList;
import java.util.List;

import org.dateline.content.Body;

/**
 * A wire body read both ways: plain-text paragraphs ({@link PlainText}) and body markup with headings, quotes, lists
 * and links kept ({@link WireMarkup}); plain-text sources give escaped paragraphs as their markup.
 */
record WireBody(List<String> paragraphs, List<String> markup) {

    static final WireBody EMPTY = new WireBody(List.of(), List.of());

    static WireBody html(String html) {
        return new WireBody(PlainText.fromHtml(html), WireMarkup.fromHtml(html));
    }

    static WireBody xmlString(String xml) {
        return new WireBody(PlainText.fromXmlString(xml), WireMarkup.fromXmlString(xml));
    }

    static WireBody dom(org.w3c.dom.Node parent) {
        return new WireBody(PlainText.fromDom(parent), WireMarkup.fromDom(parent));
    }

    static WireBody plain(String text) {
        List<String> paragraphs = PlainText.fromPlain(text);
        return new WireBody(paragraphs, Body.plain(paragraphs).blocks());
    }

    boolean isEmpty() {
        return paragraphs.isEmpty();
    }

    WireBody and(WireBody more) {
        List<String> paragraphs = new ArrayList<>(this.paragraphs);
        paragraphs.addAll(more.paragraphs);
        List<String> markup = new ArrayList<>(this.markup);
        markup.addAll(more.markup);
        return new WireBody(paragraphs, markup);
    }
}

package org.dateline.wire;

import java.util.ArrayDeque;
import java.util.Deque;

import org.jsoup.nodes.Element;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import tools.jackson.databind.JsonNode;

/**
 * How deep wire copy may nest: {@link #MAX_DEPTH} levels of elements (XML, HTML) or of arrays and objects (JSON)
 * below an item, or below the root of a body the walkers read. Real copy nests fewer than 30; copy nested deeper
 * than the limit is refused ({@code too_deep}), one item at a time, the other items of its document kept.
 * <p>
 * The depth is measured here without recursion, before anything recursive looks at a tree: the walkers that turn
 * markup into paragraphs and body markup ({@link PlainText}, {@link WireMarkup}) check the tree they are given, and
 * the readers check each item before reading it (the DOM's own {@code getTextContent} and ROME's conversion of a
 * feed recurse too). Nothing below ever recurses deeper than the limit, so no input can overflow the stack.
 */
final class Nesting {

    /** The deepest an item or a body may nest. */
    static final int MAX_DEPTH = 200;
    /**
     * How deep the JSON parser reads before it gives up on the whole document: far beyond {@link #MAX_DEPTH}, so an
     * item nested too deep is refused alone, yet bounded, because the parser keeps a little memory per level.
     */
    static final int MAX_JSON_DEPTH = 100_000;
    static final String MESSAGE = "Nested too deep (more than " + MAX_DEPTH + " levels).";

    private Nesting() {
    }

    /** Thrown by the walkers for a tree deeper than {@link #MAX_DEPTH}; the readers name it {@code too_deep}. */
    static final class TooDeep extends RuntimeException {
        TooDeep() {
            super(MESSAGE, null, false, false);
        }
    }

    static ParseError error(String ref) {
        return new ParseError(ref, ParseError.Codes.TOO_DEEP, MESSAGE);
    }

    /** Whether an element lies more than {@link #MAX_DEPTH} levels of elements below {@code root}. */
    static boolean tooDeep(org.w3c.dom.Node root) {
        return tooDeep(root, MAX_DEPTH);
    }

    /** As {@link #tooDeep(org.w3c.dom.Node)}, with a limit of {@code levels}; by the nodes' links, no recursion. */
    static boolean tooDeep(org.w3c.dom.Node root, int levels) {
        int depth = 0;
        org.w3c.dom.Node node = root;
        while (true) {
            org.w3c.dom.Node child = node.getFirstChild();
            if (child != null) {
                node = child;
                depth++;
                if (depth > levels && node.getNodeType() == org.w3c.dom.Node.ELEMENT_NODE) {
                    return true;
                }
                continue;
            }
            while (node != root && node.getNextSibling() == null) {
                node = node.getParentNode();
                depth--;
            }
            if (node == root) {
                return false;
            }
            node = node.getNextSibling();
            if (depth > levels && node.getNodeType() == org.w3c.dom.Node.ELEMENT_NODE) {
                return true;
            }
        }
    }

    /** Throws {@link TooDeep} when an element lies more than {@link #MAX_DEPTH} levels below {@code root}. */
    static <T extends org.w3c.dom.Node> T check(T root) {
        if (tooDeep(root)) {
            throw new TooDeep();
        }
        return root;
    }

    /** As {@link #check(org.w3c.dom.Node)}, for markup jsoup parsed. */
    static <T extends org.jsoup.nodes.Node> T check(T root) {
        NodeFilter.FilterResult walked = NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(org.jsoup.nodes.Node node, int depth) {
                return depth > MAX_DEPTH && node instanceof Element ? FilterResult.STOP : FilterResult.CONTINUE;
            }
        }, root);
        if (walked == NodeFilter.FilterResult.STOP) {
            throw new TooDeep();
        }
        return root;
    }

    /** Whether arrays and objects nest more than {@link #MAX_DEPTH} levels below {@code root}. */
    static boolean tooDeep(JsonNode root) {
        Deque<JsonNode> level = new ArrayDeque<>();
        Deque<JsonNode> next = new ArrayDeque<>();
        level.add(root);
        for (int depth = 0; !level.isEmpty(); depth++) {
            for (JsonNode node : level) {
                if (node.isContainer()) {
                    if (depth > MAX_DEPTH) {
                        return true;
                    }
                    node.values().forEach(next::add);
                }
            }
            Deque<JsonNode> done = level;
            level = next;
            next = done;
            next.clear();
        }
        return false;
    }
}

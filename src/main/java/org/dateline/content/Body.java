package org.dateline.content;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * An article's body: text in a small, safe subset of CommonMark, the one renderer of every surface that shows a
 * body (article page, preview, ninjs, NewsML-G2, JSON-LD).
 * <p>
 * The subset: paragraphs (blank line between), headings ({@code #} and {@code ##} become {@code h2}, deeper ones
 * {@code h3}: the article's headline is its {@code h1}), block quotes ({@code >}), bullet and numbered lists, links
 * ({@code [text](https://…)}; only http, https and mailto, any other address keeps the text and drops the link),
 * {@code *italic*} and {@code **bold**}. Anything else is shown as typed: raw HTML is escaped, never passed through;
 * code, rules and images are not part of it. Output is built element by element from escaped text, so no markup the
 * writer did not choose can reach a page.
 * <p>
 * Plain text (wire copy, bodies stored before markup existed) becomes markup through {@link #plain(List)}, which
 * escapes what CommonMark would read as markup, so it renders exactly as before.
 *
 * @param markup the source, line ends normalised to {@code \n}
 */
public record Body(String markup) {

    private static final Parser PARSER = Parser.builder()
            .enabledBlockTypes(Set.of(Heading.class, BlockQuote.class, ListBlock.class))
            .maxOpenBlockParsers(12)
            .maxInlineNesting(12)
            .build();
    /**
     * Recent bodies parsed: one page asks its body for its figures, its HTML and its text, each a walk of the same
     * parse, and the next reader of the page asks again. The document is only read once made. Weighed by the
     * length of the markup (characters).
     */
    private static final Cache<String, Node> PARSED = Caffeine.newBuilder()
            .maximumWeight(16_000_000)
            .weigher((String markup, Node document) -> markup.length())
            .build();
    private static final Pattern EXTRA_BLANK_LINES = Pattern.compile("\n{3,}");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n[ \\t]*\\n\\s*");
    private static final Pattern TRAILING_SPACE = Pattern.compile("[ \\t]+(?=\\n|$)");
    private static final Pattern LINE_BREAKS = Pattern.compile("\\s*\\n\\s*");
    /** Line starts that CommonMark reads as a heading, quote or list marker. */
    private static final Pattern BLOCK_START = Pattern.compile("^(#{1,6}(?=[ \\t]|$)|>|[-+*](?=[ \\t]|$)|\\d{1,9}[.)](?=[ \\t]|$))");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});");
    private static final Set<String> SAFE_SCHEMES = Set.of("http", "https", "mailto");
    /** A figure's address: a picture of the library by id. */
    private static final Pattern PICTURE = Pattern.compile("picture:([1-9][0-9]{0,17})");

    public Body {
        String lines = markup == null ? ""
                : TRAILING_SPACE.matcher(markup.replace("\r\n", "\n").replace('\r', '\n')).replaceAll("");
        markup = EXTRA_BLANK_LINES.matcher(lines).replaceAll("\n\n").strip();
    }

    public static Body of(String markup) {
        return new Body(markup);
    }

    /** Blocks of markup, as {@link #blocks()} gives them back. */
    public static Body ofBlocks(List<String> blocks) {
        return new Body(String.join("\n\n", blocks));
    }

    /** Plain-text paragraphs, shown exactly as written: their line breaks become spaces, markup characters literal. */
    public static Body plain(List<String> paragraphs) {
        return ofBlocks(paragraphs.stream().map(Body::escape).filter(p -> !p.isEmpty()).toList());
    }

    /** One paragraph of plain text as markup that renders as that text. */
    public static String escape(String plain) {
        return escapeBlockStart(escapeInline(LINE_BREAKS.matcher(plain == null ? "" : plain).replaceAll(" ").strip()));
    }

    /** Text within a line as markup that renders as that text: emphasis, link, code and HTML characters escaped. */
    public static String escapeInline(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\', '`', '*', '[', ']', '<' -> out.append('\\').append(c);
                case '_' -> {
                    boolean inWord = i > 0 && i + 1 < text.length()
                            && Character.isLetterOrDigit(text.charAt(i - 1))
                            && Character.isLetterOrDigit(text.charAt(i + 1));
                    out.append(inWord ? "_" : "\\_");
                }
                case '&' -> out.append(ENTITY.matcher(text).region(i, text.length()).lookingAt() ? "\\&" : "&");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * A line whose inline characters are escaped already, with the start escaped that CommonMark would read as a
     * heading, quote or list marker ({@code #}, {@code >}, {@code -}, {@code +}, {@code 1.}).
     */
    public static String escapeBlockStart(String line) {
        Matcher start = BLOCK_START.matcher(line);
        if (!start.find()) {
            return line;
        }
        String marker = start.group();
        if (Character.isDigit(marker.charAt(0))) {
            return marker.substring(0, marker.length() - 1) + '\\' + line.substring(marker.length() - 1);
        }
        return marker.charAt(0) == '*' ? line : "\\" + line;
    }

    private Node document() {
        return PARSED.get(markup, PARSER::parse);
    }

    /** The source in blocks: the parts between blank lines (a list or quote with blank lines spans several). */
    public List<String> blocks() {
        return markup.isEmpty() ? List.of() : Arrays.asList(BLANK_LINES.split(markup));
    }

    public boolean isEmpty() {
        return markup.isEmpty();
    }

    /** Safe HTML of the body. */
    public String toHtml() {
        return toHtml(null);
    }

    /**
     * Safe HTML of the body with the dateline ("MOSCOW, February 22 (RIA Novosti)") opening the first paragraph,
     * as news copy has it; before the body in a paragraph of its own when the body starts with another block.
     */
    public String toHtml(String dateline) {
        return toHtml(dateline, (pictureId, caption) -> "");
    }

    /**
     * Safe HTML of the body with its figures written by {@code figures}; a figure it answers empty for (a picture
     * deleted or withdrawn since) shows nothing.
     */
    public String toHtml(String dateline, FigureHtml figures) {
        HtmlWriter html = new HtmlWriter(figures);
        render(html, dateline);
        return html.toString();
    }

    /** Writes a body's figure as HTML for {@link #toHtml(String, FigureHtml)}. */
    @FunctionalInterface
    public interface FigureHtml {

        /**
         * Safe HTML of the figure (every text in it escaped), or empty to show nothing.
         *
         * @param caption the caption written beside the figure in the body, empty for the picture's own
         */
        String html(long pictureId, String caption);
    }

    /** Writes the body's elements ({@code p h2 h3 blockquote ul ol li a em strong br span}) to {@code out}. */
    public void render(BodyWriter out, String dateline) {
        Node document = document();
        Node first = document.getFirstChild();
        if (dateline != null && !dateline.isBlank() && !(first instanceof Paragraph)) {
            out.start("p");
            datelineSpan(out, dateline);
            out.end("p");
        }
        for (Node block = first; block != null; block = block.getNext()) {
            block(block, out, block == first ? dateline : null, false);
        }
    }

    /**
     * The pictures the body places, in order, each once: a paragraph that holds nothing but
     * {@code ![caption](picture:<id>)} is a figure (the caption in brackets replaces the picture's own there; empty,
     * the picture's caption shows).
     */
    public List<Long> pictureIds() {
        List<Long> ids = new ArrayList<>();
        for (Node block = document().getFirstChild(); block != null; block = block.getNext()) {
            Figure figure = figure(block);
            if (figure != null && !ids.contains(figure.pictureId())) {
                ids.add(figure.pictureId());
            }
        }
        return ids;
    }

    /** A figure of the body: its picture and the caption written beside it, empty for the picture's own. */
    private record Figure(long pictureId, String caption) {
    }

    private static Figure figure(Node block) {
        if (!(block instanceof Paragraph) || !(block.getFirstChild() instanceof Image image)
                || image.getNext() != null) {
            return null;
        }
        Matcher id = PICTURE.matcher(image.getDestination() == null ? "" : image.getDestination().strip());
        if (!id.matches()) {
            return null;
        }
        StringBuilder caption = new StringBuilder();
        plainInlines(image, caption);
        return new Figure(Long.parseLong(id.group(1)), caption.toString().strip());
    }

    /** Plain text: one entry per block (the items of a list on lines of their own, "- " or "1. " before them). */
    public List<String> plainParagraphs() {
        List<String> paragraphs = new ArrayList<>();
        for (Node block = document().getFirstChild(); block != null; block = block.getNext()) {
            if (figure(block) != null) {
                continue; // pictures are not text
            }
            List<String> lines = new ArrayList<>();
            plain(block, lines, "");
            if (!lines.isEmpty()) {
                paragraphs.add(String.join("\n", lines));
            }
        }
        return paragraphs;
    }

    /** Plain text, blocks separated by blank lines: for JSON-LD {@code articleBody} and text renditions. */
    public String toPlainText() {
        return String.join("\n\n", plainParagraphs());
    }

    private static void datelineSpan(BodyWriter out, String dateline) {
        out.start("span", "class", "dateline");
        out.text(dateline);
        out.end("span");
    }

    private static void block(Node node, BodyWriter out, String dateline, boolean tight) {
        Figure figure = tight ? null : figure(node);
        if (figure != null) {
            if (dateline != null && !dateline.isBlank()) {
                out.start("p");
                datelineSpan(out, dateline);
                out.end("p");
            }
            out.figure(figure.pictureId(), figure.caption());
        } else if (node instanceof Paragraph) {
            if (tight) {
                inlines(node, out);
                return;
            }
            out.start("p");
            if (dateline != null && !dateline.isBlank()) {
                datelineSpan(out, dateline);
                out.text(" - ");
            }
            inlines(node, out);
            out.end("p");
        } else if (node instanceof Heading heading) {
            String element = heading.getLevel() <= 2 ? "h2" : "h3";
            out.start(element);
            inlines(node, out);
            out.end(element);
        } else if (node instanceof BlockQuote) {
            out.start("blockquote");
            children(node, out, false);
            out.end("blockquote");
        } else if (node instanceof ListBlock list) {
            String element = list instanceof BulletList ? "ul" : "ol";
            Integer start = list instanceof OrderedList ordered ? ordered.getMarkerStartNumber() : null;
            if (start != null && start != 1) {
                out.start(element, "start", String.valueOf(start));
            } else {
                out.start(element);
            }
            for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                out.start("li");
                children(item, out, list.isTight());
                out.end("li");
            }
            out.end(element);
        } else if (node instanceof HtmlBlock html) {
            out.start("p");
            out.text(html.getLiteral().strip());
            out.end("p");
        } else if (node instanceof FencedCodeBlock || node instanceof IndentedCodeBlock) {
            out.start("p");
            out.text(node instanceof FencedCodeBlock f ? f.getLiteral() : ((IndentedCodeBlock) node).getLiteral());
            out.end("p");
        }
        // Link reference definitions and thematic breaks show nothing.
    }

    private static void children(Node parent, BodyWriter out, boolean tight) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            block(child, out, null, tight);
        }
    }

    private static void inlines(Node parent, BodyWriter out) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            inline(node, out);
        }
    }

    private static void inline(Node node, BodyWriter out) {
        if (node instanceof Text text) {
            out.text(text.getLiteral());
        } else if (node instanceof Emphasis) {
            out.start("em");
            inlines(node, out);
            out.end("em");
        } else if (node instanceof StrongEmphasis) {
            out.start("strong");
            inlines(node, out);
            out.end("strong");
        } else if (node instanceof Link link) {
            String href = safeUrl(link.getDestination());
            if (href == null) {
                inlines(node, out);
            } else {
                out.start("a", "href", href);
                inlines(node, out);
                out.end("a");
            }
        } else if (node instanceof SoftLineBreak) {
            out.text("\n");
        } else if (node instanceof HardLineBreak) {
            out.empty("br");
        } else if (node instanceof Code code) {
            out.text("`" + code.getLiteral() + "`");
        } else if (node instanceof HtmlInline html) {
            out.text(html.getLiteral());
        } else {
            inlines(node, out); // images show their text
        }
    }

    /** The address if it is http, https or mailto (spaces and quotes encoded), else null. */
    static String safeUrl(String destination) {
        if (destination == null) {
            return null;
        }
        String url = destination.strip();
        int colon = url.indexOf(':');
        if (colon <= 0 || !SAFE_SCHEMES.contains(url.substring(0, colon).toLowerCase(Locale.ROOT))) {
            return null;
        }
        if (url.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return null;
        }
        return url.replace(" ", "%20").replace("\"", "%22").replace("<", "%3C").replace(">", "%3E");
    }

    private static void plain(Node node, List<String> lines, String marker) {
        if (node instanceof Paragraph || node instanceof Heading) {
            StringBuilder text = new StringBuilder();
            plainInlines(node, text);
            lines.add(marker + text.toString().strip());
        } else if (node instanceof ListBlock list) {
            int number = list instanceof OrderedList ordered && ordered.getMarkerStartNumber() != null
                    ? ordered.getMarkerStartNumber() : 1;
            for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                String itemMarker = list instanceof OrderedList ? number++ + ". " : "- ";
                for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
                    plain(child, lines, child == item.getFirstChild() ? itemMarker : "");
                }
            }
        } else if (node instanceof BlockQuote) {
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                plain(child, lines, child == node.getFirstChild() ? marker : "");
            }
        } else if (node instanceof HtmlBlock html) {
            lines.add(marker + html.getLiteral().strip());
        } else if (node instanceof FencedCodeBlock code) {
            lines.add(marker + code.getLiteral().strip());
        } else if (node instanceof IndentedCodeBlock code) {
            lines.add(marker + code.getLiteral().strip());
        }
    }

    private static void plainInlines(Node parent, StringBuilder text) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Text t) {
                text.append(t.getLiteral());
            } else if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
                text.append(' ');
            } else if (node instanceof Code code) {
                text.append('`').append(code.getLiteral()).append('`');
            } else if (node instanceof HtmlInline html) {
                text.append(html.getLiteral());
            } else {
                plainInlines(node, text);
            }
        }
    }

    /** HTML text, every character that could start markup escaped. */
    private static final class HtmlWriter implements BodyWriter {
        private final StringBuilder html = new StringBuilder();
        private final FigureHtml figures;

        HtmlWriter(FigureHtml figures) {
            this.figures = figures;
        }

        @Override
        public void figure(long pictureId, String caption) {
            String figure = figures.html(pictureId, caption);
            if (figure != null && !figure.isEmpty()) {
                html.append(figure).append('\n');
            }
        }

        @Override
        public void start(String element, String... attributes) {
            html.append('<').append(element);
            for (int i = 0; i + 1 < attributes.length; i += 2) {
                html.append(' ').append(attributes[i]).append("=\"");
                escape(attributes[i + 1]);
                html.append('"');
            }
            html.append('>');
            if (element.equals("blockquote") || element.equals("ul") || element.equals("ol")) {
                html.append('\n');
            }
        }

        @Override
        public void text(String text) {
            escape(text);
        }

        @Override
        public void end(String element) {
            html.append("</").append(element).append('>');
            if (!element.equals("a") && !element.equals("em") && !element.equals("strong")
                    && !element.equals("span")) {
                html.append('\n');
            }
        }

        @Override
        public void empty(String element) {
            html.append('<').append(element).append('>');
        }

        private void escape(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '&' -> html.append("&amp;");
                    case '<' -> html.append("&lt;");
                    case '>' -> html.append("&gt;");
                    case '"' -> html.append("&#34;");
                    case '\'' -> html.append("&#39;");
                    default -> html.append(c);
                }
            }
        }

        @Override
        public String toString() {
            return html.toString().stripTrailing();
        }
    }
}

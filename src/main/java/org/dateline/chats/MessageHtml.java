package org.dateline.chats;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a message's plain text into the small, safe markup readers see: everything escaped, web addresses made
 * into links with {@code rel="nofollow ugc noopener"}, {@code *bold*} and {@code _italic_}, line breaks kept.
 * Nothing the author typed ever becomes a tag or an attribute of its own: the output can only contain the tags
 * {@code a}, {@code strong}, {@code em} and {@code br} written here.
 */
public final class MessageHtml {

    static final String REL = "nofollow ugc noopener";
    private static final Pattern LINK = Pattern.compile("(?i)(?:https?://|www\\.)[^\\s<>\"'`]+");
    private static final Pattern BOLD = Pattern.compile("\\*(?=[^*\\s])([^*\\n]{0,500}?[^*\\s])\\*");
    private static final Pattern ITALIC = Pattern.compile(
            "(?<![\\p{L}\\p{N}_])_(?=[^_\\s])([^_\\n]{0,500}?[^_\\s])_(?![\\p{L}\\p{N}_])");

    private MessageHtml() {
    }

    public static String render(String text) {
        StringBuilder html = new StringBuilder(text.length() + 32);
        Matcher link = LINK.matcher(text);
        int done = 0;
        while (link.find()) {
            String address = trimTrailing(link.group());
            if (address.length() <= 4 && address.regionMatches(true, 0, "www.", 0, 4)) {
                continue; // "www." alone is no address
            }
            text(html, text.substring(done, link.start()));
            String href = address.regionMatches(true, 0, "www.", 0, 4) ? "https://" + address : address;
            html.append("<a href=\"").append(escape(href)).append("\" rel=\"").append(REL).append("\">")
                    .append(escape(address)).append("</a>");
            done = link.start() + address.length();
        }
        text(html, text.substring(done));
        return html.toString();
    }

    private static void text(StringBuilder html, String plain) {
        if (plain.isEmpty()) {
            return;
        }
        String escaped = escape(plain);
        escaped = BOLD.matcher(escaped).replaceAll("<strong>$1</strong>");
        escaped = ITALIC.matcher(escaped).replaceAll("<em>$1</em>");
        html.append(escaped.replace("\n", "<br>"));
    }

    /** Escapes text for element content and quoted attribute values alike. */
    public static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Punctuation that ends a sentence is not part of the address; a closing parenthesis is, when it closes one
     * opened inside the address (as in Wikipedia links).
     */
    private static String trimTrailing(String address) {
        String a = address;
        while (!a.isEmpty()) {
            char last = a.charAt(a.length() - 1);
            boolean strip = ".,;:!?]".indexOf(last) >= 0 || (last == ')' && count(a, '(') < count(a, ')'));
            if (!strip) {
                break;
            }
            a = a.substring(0, a.length() - 1);
        }
        return a;
    }

    private static int count(String s, char c) {
        return (int) s.chars().filter(x -> x == c).count();
    }
}

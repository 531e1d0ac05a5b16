package org.dateline.pages.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.dateline.content.Body;
import org.dateline.editions.Edition;
import org.dateline.pages.PageKind;
import org.dateline.pages.SitePage;
import org.springframework.stereotype.Component;

/**
 * The texts a site page shows until an administrator saves their own: {@code site-pages/<slug>.<language>.md} on the
 * class path, its first line the title ({@code # About Dateline}), the rest the body. An edition in a language
 * without texts gets the English ones. {@code {site}} in them stands for the edition's site name.
 */
@Component
public class DefaultTexts {

    private static final String FALLBACK_LANGUAGE = "en";

    private final Map<String, String> sources = new ConcurrentHashMap<>();

    public SitePage page(Edition edition, PageKind kind) {
        String source = source(kind, edition.locale()).replace("{site}", edition.siteName());
        int firstLineEnd = source.indexOf('\n');
        String title = source.substring(0, firstLineEnd).replaceFirst("^#\\s*", "").strip();
        return new SitePage(edition.code(), kind, title, Body.of(source.substring(firstLineEnd + 1)), null, null);
    }

    private String source(PageKind kind, Locale locale) {
        String language = locale.getLanguage();
        String text = sources.computeIfAbsent(kind.slug() + "." + language, DefaultTexts::read);
        return text.isEmpty() ? sources.computeIfAbsent(kind.slug() + "." + FALLBACK_LANGUAGE, DefaultTexts::read) : text;
    }

    /** The file's text, empty when there is none. */
    private static String read(String name) {
        try (InputStream in = DefaultTexts.class.getResourceAsStream("/site-pages/" + name + ".md")) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

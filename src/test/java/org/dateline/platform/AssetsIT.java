package org.dateline.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.dateline.testing.Http;
import org.dateline.testing.IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scripts and style sheets as a browser meets them: every page names them under one versioned folder, cached for a
 * year, compressed for a client that asks; a script's relative import stays in that folder; the old plain address
 * still answers for an hour; a browser's {@code /favicon.ico} is there.
 */
@IntegrationTest
class AssetsIT {

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void pagesNameTheirAssetsUnderThisBuildsVersionCachedForAYearAndCompressed() throws IOException {
        Document home = Jsoup.parse(http.get("/en/").body());
        String css = home.selectFirst("link[rel=stylesheet]").attr("href");
        assertThat(css).matches("/assets/v-[0-9a-f]{12}/site\\.css");
        String folder = css.substring(0, css.lastIndexOf('/') + 1);
        List<String> scripts = home.select("script[src]").eachAttr("src");
        assertThat(scripts).isNotEmpty().allSatisfy(src -> assertThat(src).startsWith(folder));

        HttpResponse<byte[]> plain = http.getBytes(css);
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/css");
        assertThat(plain.headers().firstValue("Cache-Control").orElseThrow())
                .contains("max-age=31536000").contains("immutable").contains("public");
        String text = new String(plain.body(), StandardCharsets.UTF_8);
        assertThat(text).contains(".site-header");

        HttpResponse<byte[]> gzipped = http.getBytes(css, "Accept-Encoding", "gzip");
        assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gzipped.headers().allValues("Vary").toString()).containsIgnoringCase("accept-encoding");
        assertThat(gzipped.body().length).isLessThan(plain.body().length / 2);
        try (var in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(text);
        }

        // A script's relative import (account.js loads ./chat-unread.js, which imports ./chat.js) stays in the folder.
        assertThat(http.getBytes(folder + "account.js").body()).asString(StandardCharsets.UTF_8)
                .contains("import('./chat-unread.js')").doesNotContain("'/assets/");
        HttpResponse<byte[]> imported = http.getBytes(folder + "chat.js");
        assertThat(imported.statusCode()).isEqualTo(200);
        assertThat(imported.headers().firstValue("Content-Type").orElseThrow()).contains("javascript");
    }

    @Test
    void aVersionedAssetCarriesAStrongEtagAndTheHeadersOfTheServletLayersAnswer() {
        String css = Jsoup.parse(http.get("/en/").body()).selectFirst("link[rel=stylesheet]").attr("href");
        HttpResponse<byte[]> plain = http.getBytes(css);
        String etag = plain.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).matches("\"[A-Za-z0-9_-]{27}\"");
        assertThat(plain.headers().firstValue("Content-Length")).hasValue(String.valueOf(plain.body().length));
        assertThat(plain.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(plain.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

        HttpResponse<byte[]> notModified = http.getBytes(css, "If-None-Match", etag);
        assertThat(notModified.statusCode()).isEqualTo(304);
        assertThat(notModified.body()).isEmpty();

        // A range is left to Spring's resource handling: the headers both write agree.
        HttpResponse<byte[]> range = http.getBytes(css, "Range", "bytes=0-9");
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.body()).hasSize(10);
        for (String header : List.of("Cache-Control", "Content-Type", "Last-Modified", "Accept-Ranges",
                "Content-Security-Policy", "X-Frame-Options", "Referrer-Policy")) {
            assertThat(plain.headers().allValues(header)).as(header).isEqualTo(range.headers().allValues(header));
        }
    }

    @Test
    void anotherBuildsFolderIsNotFoundAndThePlainAddressIsCachedForAnHour() {
        assertThat(http.getBytes("/assets/v-000000000000/site.css").statusCode()).isEqualTo(404);
        assertThat(http.getBytes("/assets/v-000000000000/../site.css").statusCode()).isIn(400, 404);
        HttpResponse<byte[]> old = http.getBytes("/assets/site.css");
        assertThat(old.statusCode()).isEqualTo(200);
        assertThat(old.headers().firstValue("Cache-Control").orElseThrow()).isEqualTo("max-age=3600")
                .doesNotContain("immutable");
    }

    @Test
    void aBrowsersFaviconRequestFindsAnIcon() {
        HttpResponse<byte[]> icon = http.getBytes("/favicon.ico", "Accept", "image/avif,image/webp,*/*");
        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(icon.headers().firstValue("Content-Type").orElseThrow()).contains("icon");
        assertThat(icon.body()).startsWith(0, 0, 1, 0); // an icon resource
    }
}

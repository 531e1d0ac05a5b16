package org.dateline.feeds;

import org.dateline.content.Article;
import org.dateline.content.ContentQueries;
import org.dateline.editions.Editions;
import org.dateline.platform.web.ApiException;
import org.dateline.platform.web.BaseUrl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Syndication out for agencies' systems: a live article as an IPTC NewsML-G2 2.35 news item. Public and read-only
 * like the ninjs API; a killed article answers 410, anything else that is not live 404, as problem documents.
 */
@RestController
class NewsmlController {

    private final Editions editions;
    private final ContentQueries content;
    private final BaseUrl baseUrl;

    NewsmlController(Editions editions, ContentQueries content, BaseUrl baseUrl) {
        this.editions = editions;
        this.content = content;
        this.baseUrl = baseUrl;
    }

    @GetMapping(value = "/api/newsml/items/{id}",
            produces = {NewsmlG2Writer.MEDIA_TYPE, MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
    ResponseEntity<byte[]> item(@PathVariable long id) {
        Article article = content.article(id).orElseThrow(() -> content.withdrawn(id)
                ? new ApiException(HttpStatus.GONE, "killed", "Article " + id + " was withdrawn.")
                : new ApiException(HttpStatus.NOT_FOUND, "unknown_article", "No article " + id + "."));
        byte[] body = NewsmlG2Writer.write(article, editions.find(article.edition()).orElseThrow(), baseUrl.get());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(NewsmlG2Writer.MEDIA_TYPE + ";charset=UTF-8"))
                .body(body);
    }
}

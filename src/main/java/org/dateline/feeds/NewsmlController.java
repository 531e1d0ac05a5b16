package org.dateline.feeds;

import org.dateline.content.Article;
import org.dateline.content.ArticleState;
import org.dateline.content.ContentQueries;
import org.dateline.editions.Editions;
import org.dateline.media.Picture;
import org.dateline.media.PictureQueries;
import org.dateline.media.PictureState;
import org.dateline.media.PictureUsers;
import org.dateline.platform.web.ApiException;
import org.dateline.platform.web.BaseUrl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Syndication out for agencies' systems: a live article as an IPTC NewsML-G2 2.35 news item, and each picture a
 * live article shows as a picture item of its own. Public and read-only
 * like the ninjs API; a killed article answers 410, anything else that is not live 404, as problem documents.
 */
@RestController
class NewsmlController {

    private final Editions editions;
    private final ContentQueries content;
    private final BaseUrl baseUrl;
    private final PictureQueries pictures;
    private final PictureUsers users;

    NewsmlController(Editions editions, ContentQueries content, BaseUrl baseUrl, PictureQueries pictures,
                     PictureUsers users) {
        this.editions = editions;
        this.content = content;
        this.baseUrl = baseUrl;
        this.pictures = pictures;
        this.users = users;
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

    /**
     * A picture a live story shows, as its own news item. One that no live story shows answers like an id that
     * never existed (nobody outside the newsroom learns of pictures not yet published); one its provider withdrew
     * answers 410, so that partners take it down.
     */
    @GetMapping(value = "/api/newsml/pictures/{id}",
            produces = {NewsmlG2Writer.MEDIA_TYPE, MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
    ResponseEntity<byte[]> picture(@PathVariable long id) {
        Picture picture = pictures.find(id).orElseThrow(() -> unknownPicture(id));
        if (picture.state() == PictureState.WITHDRAWN) {
            throw new ApiException(HttpStatus.GONE, "picture_withdrawn", "Picture " + id + " was withdrawn.");
        }
        boolean shown = users.usesOf(id).stream().anyMatch(use -> ArticleState.LIVE.name().equals(use.state()));
        if (!shown) {
            throw unknownPicture(id);
        }
        byte[] body = NewsmlPictureWriter.write(picture, editions.defaultEdition().siteName(), baseUrl.get());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(NewsmlG2Writer.MEDIA_TYPE + ";charset=UTF-8"))
                .body(body);
    }

    private static ApiException unknownPicture(long id) {
        return new ApiException(HttpStatus.NOT_FOUND, "unknown_picture", "No picture " + id + ".");
    }
}

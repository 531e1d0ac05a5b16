package org.dateline.readership.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.dateline.identity.CurrentActor;
import org.dateline.platform.web.ApiException;
import org.dateline.readership.ArticleViews;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Article views for the article page's script: {@code POST} counts a view (once per viewer and day) and answers the
 * total, {@code GET} only reads it. Cached pages carry no per-reader token, so a view needs none; the readers' API
 * security chain lets a view through only from this site's own pages (see its same-origin rule).
 */
@RestController
@RequestMapping(path = "/api/views", produces = MediaType.APPLICATION_JSON_VALUE)
class ViewsController {

    private final ArticleViews views;
    private final CurrentActor actor;

    ViewsController(ArticleViews views, CurrentActor actor) {
        this.views = views;
        this.actor = actor;
    }

    record Views(long article, long views, boolean counted) {
    }

    @PostMapping("/{articleId}")
    ResponseEntity<Views> view(@PathVariable long articleId, HttpServletRequest request) {
        ArticleViews.Outcome outcome = views.view(articleId, actor.get(), request.getRemoteAddr());
        if (outcome instanceof ArticleViews.Outcome.Counted counted) {
            return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                    .body(new Views(articleId, counted.views(), counted.counted()));
        }
        if (outcome instanceof ArticleViews.Outcome.Throttled) {
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "rate_limited",
                    "Too many views from this address; wait a minute.");
        }
        throw notFound();
    }

    @GetMapping("/{articleId}")
    ResponseEntity<Views> total(@PathVariable long articleId) {
        long total = views.total(articleId).orElseThrow(ViewsController::notFound);
        return ResponseEntity.ok().cacheControl(CacheControl.noCache())
                .body(new Views(articleId, total, false));
    }

    private static ApiException notFound() {
        return new ApiException(HttpStatus.NOT_FOUND, "article_not_found", "No published article has this id.");
    }
}

package org.dateline.site.internal;

import jakarta.servlet.http.HttpServletResponse;
import org.dateline.content.Article;
import org.dateline.content.ContentQueries;
import org.dateline.editions.Edition;
import org.dateline.editions.Editions;
import org.dateline.media.PictureQueries;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * The newsroom's preview of a story: its public article page as it would look now, in any state, from its last
 * save ({@code GET}) or from the editor's unsaved fields ({@code POST}: the live preview beside the editor, which
 * stores nothing). Staff only (the security configuration guards {@code /newsroom}, CSRF guards the POST); never
 * cached, never indexed.
 */
@Controller
class PreviewController {

    private final ContentQueries content;
    private final Editions editions;
    private final SiteController site;
    private final PictureQueries pictures;

    PreviewController(ContentQueries content, Editions editions, SiteController site, PictureQueries pictures) {
        this.content = content;
        this.editions = editions;
        this.site = site;
        this.pictures = pictures;
    }

    @GetMapping("/newsroom/stories/{id}/preview")
    String preview(@PathVariable long id, Model model, HttpServletResponse response) {
        Article article = content.stored(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return render(article, model, response);
    }

    @PostMapping("/newsroom/stories/{id}/preview")
    String unsaved(@PathVariable long id, @ModelAttribute UnsavedArticle form, Model model,
                   HttpServletResponse response) {
        Article article = content.stored(id).map(saved -> form.over(saved, editions, pictures))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return render(article, model, response);
    }

    private String render(Article article, Model model, HttpServletResponse response) {
        Edition edition = editions.find(article.edition())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Robots-Tag", "noindex");
        return site.render(article, edition, article.path(), model);
    }
}

package org.dateline.site.internal;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.dateline.alerts.SubscribeForm;
import org.dateline.content.ContentKeys;
import org.dateline.editions.Edition;
import org.dateline.editions.Editions;
import org.dateline.platform.cache.PageCache;
import org.dateline.site.Ui;
import org.dateline.site.view.Chrome;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code /{edition}/subscribe}: what a reader can follow in the edition (its breaking news, each section), one box
 * each in one Subscribe form. The same for every reader and cached like every page; the form posts to the alerts
 * module.
 */
@Controller
class SubscribePageController {

    private final Editions editions;
    private final Pages pages;

    SubscribePageController(Editions editions, Pages pages) {
        this.editions = editions;
        this.pages = pages;
    }

    @GetMapping("/" + SiteController.EDITION + "/subscribe")
    String subscribe(@PathVariable String edition, Model model, HttpServletRequest request) {
        Edition e = editions.find(edition).orElseThrow(() -> new PageNotFound(editions.defaultEdition()));
        Ui ui = Pages.ui(e);
        String title = ui.t("alerts.subscribe.title");
        String path = "/" + e.code() + "/subscribe";
        Chrome chrome = pages.chrome(e, null, Pages.Head.of(title, ui.t("alerts.subscribe.description"), path,
                Pages.feeds(e, null, e.siteName())));
        List<String> keys = new ArrayList<>(List.of(ContentKeys.edition(e.code())));
        keys.addAll(chrome.pictureKeys());
        PageCache.tag(request, keys);
        model.addAttribute("page", chrome);
        model.addAttribute("title", title);
        model.addAttribute("form", SubscribeForm.edition(e, editions.sections(e.code())));
        return "site/subscribe";
    }
}

package org.dateline.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.dateline.identity.StaffPages;
import org.dateline.platform.mail.MailOutbox;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The mail outbox for administrators: with no SMTP server configured, this is where confirmation and reset mails
 * can be read. Authorised (ADMIN) in the security configuration.
 */
@Controller
class MailOutboxController {

    static final int SHOWN = 200;

    private final MailOutbox outbox;
    private final StaffPages pages;

    MailOutboxController(MailOutbox outbox, StaffPages pages) {
        this.outbox = outbox;
        this.pages = pages;
    }

    @GetMapping("/newsroom/mail")
    String list(HttpServletRequest request, Model model) {
        model.addAttribute("page", pages.page(request, "Mail outbox", null));
        model.addAttribute("folder", outbox.folder().toAbsolutePath().toString());
        model.addAttribute("mails", outbox.list(SHOWN));
        model.addAttribute("name", null);
        model.addAttribute("text", null);
        return "newsroom/mail";
    }

    @GetMapping("/newsroom/mail/{name}")
    String show(@PathVariable String name, HttpServletRequest request, Model model) {
        String text = outbox.text(name).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("page", pages.page(request, "Mail outbox", null));
        model.addAttribute("folder", outbox.folder().toAbsolutePath().toString());
        model.addAttribute("mails", outbox.list(SHOWN));
        model.addAttribute("name", name);
        model.addAttribute("text", text);
        return "newsroom/mail";
    }
}

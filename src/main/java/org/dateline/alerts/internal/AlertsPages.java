package org.dateline.alerts.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.dateline.alerts.Subscribe;
import org.dateline.alerts.Subscription;
import org.dateline.identity.ReaderPage;
import org.dateline.identity.ReaderPages;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;

/**
 * The alerts' own pages (answers to the forms, confirmation, a subscriber's page, unsubscribing) in the account
 * pages' layout, in the language of the subscriber's edition or of the form. Personal, so never stored by anyone.
 */
@Component
class AlertsPages {

    private final Targets targets;

    AlertsPages(Targets targets) {
        this.targets = targets;
    }

    ReaderPage page(HttpServletRequest request, HttpServletResponse response, Locale locale, String titleKey,
                    String notice, List<Subscribe.Problem> problems, Map<String, String> values) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
        ResourceBundle strings = ReaderPages.strings(locale);
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (Subscribe.Problem problem : problems) {
            errors.computeIfAbsent(problem.field(), f -> new ArrayList<>()).add(message(strings, problem));
        }
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return new ReaderPage(locale, strings, strings.getString(titleKey),
                csrf == null ? "_csrf" : csrf.getParameterName(), csrf == null ? "" : csrf.getToken(), notice, errors,
                values);
    }

    ReaderPage page(HttpServletRequest request, HttpServletResponse response, Locale locale, String titleKey) {
        return page(request, response, locale, titleKey, null, List.of(), Map.of());
    }

    /** The subscriber's current subscriptions as rows of their page, named in the language. */
    List<SubscriptionRow> rows(List<Subscription> subscriptions, Locale locale) {
        ResourceBundle strings = ReaderPages.strings(locale);
        return subscriptions.stream().map(s -> new SubscriptionRow(s.id(), targets.label(s, locale),
                strings.getString("alerts.delivery." + s.delivery().name()), s.pending())).toList();
    }

    static String message(ResourceBundle strings, Subscribe.Problem problem) {
        try {
            return strings.getString("alerts.problem." + problem.code());
        } catch (MissingResourceException untranslated) {
            return problem.code();
        }
    }
}

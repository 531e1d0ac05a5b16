package org.dateline.identity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.dateline.identity.StaffPage;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;

/** Builds the shared part of newsroom pages for the current request. */
@Component
public class StaffPages {

    private final CurrentActor currentActor;

    StaffPages(CurrentActor currentActor) {
        this.currentActor = currentActor;
    }

    public StaffPage page(HttpServletRequest request, String title, String notice) {
        return page(request, title, notice, List.of());
    }

    public StaffPage page(HttpServletRequest request, String title, String notice, List<AccountResult.Problem> problems) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        Map<String, List<String>> errors = new LinkedHashMap<>();
        List<String> codes = new ArrayList<>();
        for (AccountResult.Problem problem : problems) {
            errors.computeIfAbsent(problem.field(), f -> new ArrayList<>()).add(problem.message());
            codes.add(problem.code());
        }
        var actor = currentActor.get();
        return new StaffPage(title, actor.map(Actor::displayName).orElse(null),
                actor.map(a -> a.role() == Role.ADMIN).orElse(false),
                csrf == null ? "_csrf" : csrf.getParameterName(), csrf == null ? "" : csrf.getToken(), notice, errors, codes,
                actor.map(Actor::role).orElse(null));
    }
}

package org.dateline.integrations.internal;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.dateline.identity.AccountResult;
import org.dateline.identity.Actor;
import org.dateline.identity.CurrentActor;
import org.dateline.identity.Scopes;
import org.dateline.identity.StaffPages;
import org.dateline.integrations.CreateIntegration;
import org.dateline.integrations.CreateResult;
import org.dateline.integrations.Integration;
import org.dateline.integrations.IntegrationPolicy;
import org.dateline.integrations.IntegrationQueries;
import org.dateline.integrations.NewIntegration;
import org.dateline.integrations.RevokeIntegration;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The newsroom's integrations pages, for administrators. The web chain lets staff into /newsroom; who may manage
 * integrations is {@link IntegrationPolicy}'s decision, asked on every request here (CSRF is checked by the chain).
 */
@Controller
class IntegrationPagesController {

    private final CreateIntegration createIntegration;
    private final RevokeIntegration revokeIntegration;
    private final IntegrationQueries queries;
    private final CurrentActor currentActor;
    private final StaffPages pages;

    IntegrationPagesController(CreateIntegration createIntegration, RevokeIntegration revokeIntegration,
                               IntegrationQueries queries, CurrentActor currentActor, StaffPages pages) {
        this.createIntegration = createIntegration;
        this.revokeIntegration = revokeIntegration;
        this.queries = queries;
        this.currentActor = currentActor;
        this.pages = pages;
    }

    @GetMapping("/newsroom/integrations")
    String list(HttpServletRequest request, Model model) {
        admin();
        return listPage(request, model, List.of(), "", List.of(), "");
    }

    @PostMapping("/newsroom/integrations")
    String create(@RequestParam(defaultValue = "") String name,
                  @RequestParam(name = "scopes", required = false) List<String> scopes,
                  @RequestParam(defaultValue = "") String webhookUrl, HttpServletRequest request, Model model) {
        Actor actor = admin();
        List<String> chosen = scopes == null ? List.of() : scopes;
        CreateResult result = createIntegration.create(new NewIntegration(name, chosen, webhookUrl), actor.displayName());
        if (result instanceof CreateResult.Rejected rejected) {
            return listPage(request, model, rejected.problems().stream()
                    .map(p -> new AccountResult.Problem(p.field(), p.code(), p.message())).toList(), name, chosen,
                    webhookUrl);
        }
        CreateResult.Created created = (CreateResult.Created) result;
        // Rendered, not redirected: the token and secret exist in clear only in this response.
        return detailPage(request, model, created.integration(),
                "Integration created. Copy its token now: it is not shown again.", created.token(),
                created.webhookSecret());
    }

    @GetMapping("/newsroom/integrations/{id}")
    String detail(@PathVariable long id, HttpServletRequest request, Model model) {
        admin();
        Integration integration = queries.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return detailPage(request, model, integration,
                request.getParameter("revoked") != null ? "Integration revoked: its token is refused from now on." : null,
                null, null);
    }

    @PostMapping("/newsroom/integrations/{id}/revoke")
    String revoke(@PathVariable long id) {
        admin();
        if (!revokeIntegration.revoke(id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/newsroom/integrations/" + id + "?revoked";
    }

    private String listPage(HttpServletRequest request, Model model, List<AccountResult.Problem> problems, String name,
                            List<String> scopes, String webhookUrl) {
        model.addAttribute("page", pages.page(request, "Integrations", null, problems));
        model.addAttribute("integrations", queries.all());
        model.addAttribute("name", name);
        model.addAttribute("chosenScopes", scopes);
        model.addAttribute("allScopes", Scopes.NAMES);
        model.addAttribute("webhookUrl", webhookUrl);
        return "newsroom/integrations";
    }

    private String detailPage(HttpServletRequest request, Model model, Integration integration, String notice,
                              String token, String webhookSecret) {
        model.addAttribute("page", pages.page(request, "Integration: " + integration.name(), notice));
        model.addAttribute("integration", integration);
        model.addAttribute("token", token);
        model.addAttribute("webhookSecret", webhookSecret);
        model.addAttribute("deliveries", queries.deliveries(integration.id()));
        return "newsroom/integration";
    }

    private Actor admin() {
        Actor actor = currentActor.get().orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
        if (!IntegrationPolicy.canManage(actor)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return actor;
    }
}

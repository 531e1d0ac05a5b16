package org.dateline.integrations;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.dateline.identity.Scopes;
import org.dateline.integrations.internal.JdbcIntegrations;
import org.dateline.integrations.internal.Secrets;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates an integration: validate name, scopes and webhook URL → generate its token (and a webhook secret when it
 * has a webhook) → store the token's SHA-256 only → hand token and secret back, to be shown once.
 */
@Service
public class CreateIntegration {

    static final int MAX_NAME = 100;
    static final int MAX_URL = 2000;

    private final JdbcIntegrations integrations;
    private final Clock clock;

    CreateIntegration(JdbcIntegrations integrations, Clock clock) {
        this.integrations = integrations;
        this.clock = clock;
    }

    /** @param createdBy who asked, as the newsroom shows it (a staff name, or the token that called the API) */
    @Transactional
    public CreateResult create(NewIntegration request, String createdBy) {
        List<IntegrationProblem> problems = new ArrayList<>();
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
            problems.add(new IntegrationProblem("name", name.isEmpty() ? "required" : "invalid_value",
                    "Give the integration a name of 1 to " + MAX_NAME + " characters."));
        }
        List<String> scopes = request.scopes() == null ? List.of()
                : request.scopes().stream().filter(s -> s != null && !s.isBlank()).map(String::strip).distinct().toList();
        if (scopes.isEmpty()) {
            problems.add(new IntegrationProblem("scopes", "required", "Choose at least one scope."));
        } else if (!scopes.stream().allMatch(Scopes::isKnown)) {
            problems.add(new IntegrationProblem("scopes", "unknown_scope",
                    "Known scopes are " + String.join(", ", Scopes.NAMES) + "."));
        }
        String webhookUrl = request.webhookUrl() == null || request.webhookUrl().isBlank() ? null
                : request.webhookUrl().strip();
        if (webhookUrl != null && !validWebhookUrl(webhookUrl)) {
            problems.add(new IntegrationProblem("webhookUrl", "invalid_url",
                    "The webhook URL must be an absolute http:// or https:// URL of at most " + MAX_URL + " characters."));
        }
        if (!problems.isEmpty()) {
            return new CreateResult.Rejected(problems);
        }
        List<String> ordered = Scopes.NAMES.stream().filter(scopes::contains).toList();
        String token = Secrets.newToken();
        String secret = webhookUrl == null ? null : Secrets.newWebhookSecret();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        long id = integrations.insert(name, ordered, token, webhookUrl, secret, now, createdBy);
        return new CreateResult.Created(integrations.find(id).orElseThrow(), token, secret);
    }

    /** Absolute http(s) with a host and no user info: other schemes (file:, ftp:, javascript:) are refused. */
    static boolean validWebhookUrl(String url) {
        if (url.length() > MAX_URL) {
            return false;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && uri.getRawUserInfo() == null && uri.getRawFragment() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}

package org.dateline.integrations.internal;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.dateline.identity.Actor;
import org.dateline.identity.CurrentActor;
import org.dateline.integrations.CreateIntegration;
import org.dateline.integrations.CreateResult;
import org.dateline.integrations.Delivery;
import org.dateline.integrations.Integration;
import org.dateline.integrations.IntegrationQueries;
import org.dateline.integrations.NewIntegration;
import org.dateline.integrations.RevokeIntegration;
import org.dateline.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The admin API for integrations. Authorised in the security configuration (scope {@code integrations:manage}). */
@RestController
@RequestMapping("/api/admin/integrations")
@Tag(name = "Integrations", description = "API clients with scoped tokens, and their webhooks")
@SecurityRequirement(name = "bearer")
class IntegrationsApiController {

    private final CreateIntegration createIntegration;
    private final RevokeIntegration revokeIntegration;
    private final IntegrationQueries queries;
    private final CurrentActor currentActor;

    IntegrationsApiController(CreateIntegration createIntegration, RevokeIntegration revokeIntegration,
                              IntegrationQueries queries, CurrentActor currentActor) {
        this.createIntegration = createIntegration;
        this.revokeIntegration = revokeIntegration;
        this.queries = queries;
        this.currentActor = currentActor;
    }

    @Schema(description = "A new integration")
    record IntegrationRequest(
            @Schema(example = "Partner portal", maxLength = 100, requiredMode = Schema.RequiredMode.REQUIRED) String name,
            @ArraySchema(schema = @Schema(allowableValues = {"articles:read", "stories:read",
                    "articles:write", "wire:push", "integrations:manage"}), minItems = 1) List<String> scopes,
            @Schema(description = "http(s) URL that receives article webhooks; none when absent",
                    example = "https://partner.example/hooks/dateline") String webhookUrl) {
    }

    @Schema(description = "An integration; its token and webhook secret are never shown again after creation")
    record IntegrationResource(long id, String name, List<String> scopes, String webhookUrl, boolean active,
                               @Schema(description = "The token's first characters, to recognise it") String tokenHint,
                               Instant createdAt, String createdBy, Instant revokedAt) {

        static IntegrationResource of(Integration i) {
            return new IntegrationResource(i.id(), i.name(), i.scopes(), i.webhookUrl(), i.active(), i.tokenHint(),
                    i.createdAt(), i.createdBy(), i.revokedAt());
        }
    }

    @Schema(description = "A created integration with its secrets, shown this once")
    record CreatedIntegration(long id, String name, List<String> scopes, String webhookUrl, boolean active,
                              @Schema(description = "Bearer token for the API; only its SHA-256 is stored") String token,
                              @Schema(description = "Key of the X-Dateline-Signature HMAC; absent without a webhook")
                              String webhookSecret) {
    }

    @Schema(description = "One webhook delivery")
    record DeliveryResource(long id, String event, long articleId, String status, int attempts,
                            @Schema(description = "HTTP status of the last attempt") Integer lastStatus,
                            @Schema(description = "Why the last attempt failed") String lastError,
                            @Schema(description = "When the next attempt is due (pending deliveries)") Instant nextAttemptAt,
                            Instant createdAt, Instant deliveredAt) {

        static DeliveryResource of(Delivery d) {
            return new DeliveryResource(d.id(), d.event(), d.articleId(), d.status().name(), d.attempts(),
                    d.lastStatus(), d.lastError(), d.status() == org.dateline.integrations.DeliveryStatus.PENDING
                    ? d.nextAttemptAt() : null, d.createdAt(), d.deliveredAt());
        }
    }

    @Operation(summary = "Create an integration",
            description = "Answers with its token (and webhook secret) once; store them, they cannot be shown again.")
    @ApiResponse(responseCode = "201", description = "Created; Location names the integration")
    @ApiResponse(responseCode = "400", description = "invalid_request (errors[] with field and code: required, invalid_value, unknown_scope, invalid_url) or malformed_json")
    @ApiResponse(responseCode = "401", description = "Missing, wrong or revoked token (code unauthorized)")
    @ApiResponse(responseCode = "403", description = "The token lacks integrations:manage (code insufficient_scope)")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> create(@RequestBody IntegrationRequest request) {
        String by = currentActor.get().map(Actor::displayName).orElse("API");
        CreateResult result = createIntegration.create(new NewIntegration(request.name(), request.scopes(),
                request.webhookUrl()), by);
        if (result instanceof CreateResult.Created created) {
            Integration i = created.integration();
            return ResponseEntity.created(URI.create("/api/admin/integrations/" + i.id())).body(new CreatedIntegration(
                    i.id(), i.name(), i.scopes(), i.webhookUrl(), i.active(), created.token(), created.webhookSecret()));
        }
        return Problems.response(Problems.invalid(((CreateResult.Rejected) result).problems()));
    }

    @Operation(summary = "List integrations", description = "Active ones first.")
    @ApiResponse(responseCode = "200", description = "The integrations")
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    List<IntegrationResource> list() {
        return queries.all().stream().map(IntegrationResource::of).toList();
    }

    @Operation(summary = "Read an integration")
    @ApiResponse(responseCode = "200", description = "The integration")
    @ApiResponse(responseCode = "404", description = "No such integration (code unknown_integration)")
    @GetMapping(value = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> read(@PathVariable long id) {
        return queries.find(id).<ResponseEntity<?>>map(i -> ResponseEntity.ok(IntegrationResource.of(i)))
                .orElseGet(() -> unknown(id));
    }

    @Operation(summary = "Revoke an integration",
            description = "Its token is refused from the next request on; its webhook gets nothing more. Idempotent.")
    @ApiResponse(responseCode = "200", description = "Revoked")
    @ApiResponse(responseCode = "404", description = "No such integration (code unknown_integration)")
    @PostMapping(value = "/{id}/revoke", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> revoke(@PathVariable long id) {
        if (!revokeIntegration.revoke(id)) {
            return unknown(id);
        }
        return ResponseEntity.ok(IntegrationResource.of(queries.find(id).orElseThrow()));
    }

    @Operation(summary = "Recent webhook deliveries of an integration",
            description = "Newest first, at most " + IntegrationQueries.RECENT_DELIVERIES + ".")
    @ApiResponse(responseCode = "200", description = "The deliveries")
    @ApiResponse(responseCode = "404", description = "No such integration (code unknown_integration)")
    @GetMapping(value = "/{id}/deliveries", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> deliveries(@PathVariable long id) {
        if (queries.find(id).isEmpty()) {
            return unknown(id);
        }
        return ResponseEntity.ok(queries.deliveries(id).stream().map(DeliveryResource::of).toList());
    }

    private static ResponseEntity<?> unknown(long id) {
        return Problems.response(Problems.problem(HttpStatus.NOT_FOUND, "unknown_integration",
                "No integration " + id + "."));
    }
}

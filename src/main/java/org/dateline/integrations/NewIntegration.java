package org.dateline.integrations;

import java.util.List;

/** A request to create an integration; unvalidated. {@code webhookUrl} is optional (blank means none). */
public record NewIntegration(String name, List<String> scopes, String webhookUrl) {
}

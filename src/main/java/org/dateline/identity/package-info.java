/**
 * Who is calling: the security configuration of the whole application, staff accounts and their login, and API
 * callers: the bootstrap token {@code DATELINE_ADMIN_TOKEN} (every scope) and integration tokens, which identity
 * resolves through {@link org.dateline.identity.ApiTokens} (implemented by {@code integrations}) into
 * {@link org.dateline.identity.Scopes}.
 * <p>
 * Every form and API call is authorised here, in {@code internal.SecurityConfiguration}; use cases receive an
 * authenticated caller and check their own policy.
 */
package org.dateline.identity;

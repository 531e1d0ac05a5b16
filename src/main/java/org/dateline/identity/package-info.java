/**
 * Who is calling, and the accounts behind it: staff and reader accounts in one table, registration with email
 * confirmation, login (staff at {@code /login}, readers at {@code /account/login} with remember-me), password reset,
 * deletion with a 30-day restore and then erasure; and the security configuration of the whole application.
 * <p>
 * API: {@link org.dateline.identity.CurrentActor} (who is logged in, as an {@link org.dateline.identity.Actor}),
 * {@link org.dateline.identity.Accounts} (look-ups, {@code publicName} for "deleted account"),
 * {@link org.dateline.identity.Account}, {@link org.dateline.identity.Role}, {@link org.dateline.identity.StaffPages},
 * {@link org.dateline.identity.ReaderPages} (for pages other modules add under {@code /account}, and the notice of a
 * password change for the pages staff land on after it),
 * {@link org.dateline.identity.LoginSessions} (the account a long-lived connection acts for, while the session it was
 * opened with stands; acting through the connection uses it).
 * API callers: the bootstrap token {@code DATELINE_ADMIN_TOKEN} (every scope) and integration tokens, resolved
 * through {@link org.dateline.identity.ApiTokens} (implemented by {@code integrations}) into
 * {@link org.dateline.identity.Scopes}.
 * Sends mail through {@code platform}'s {@code Mailer}. Publishes {@link org.dateline.identity.AccountDeleted} inside
 * the deletion's transaction, {@link org.dateline.identity.AccountRestored} inside the restore's and
 * {@link org.dateline.identity.AccountErased} inside the erasure's (once per account); consumes no events.
 * {@code GET /account/export} gives a reader everything their account holds: its own fields and each module's
 * {@link org.dateline.identity.AccountExport}.
 * <p>
 * Every form and API call is authorised here, in {@code internal.SecurityConfiguration}; use cases receive an
 * authenticated caller and check their own policy.
 * <p>
 * Settings: {@code internal.IdentitySettings}, bound at {@code dateline} to keep the names it always had:
 * {@code dateline.admin-token}, {@code dateline.first-admin.*}, {@code dateline.login.*} (login throttling) and
 * {@code dateline.readers.*} (limits on the forms that send mail, the erasure job).
 */
package org.dateline.identity;

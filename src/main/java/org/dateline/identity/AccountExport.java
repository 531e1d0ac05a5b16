package org.dateline.identity;

/**
 * One module's part of what a reader downloads as everything their account holds ({@code GET /account/export}):
 * a JSON value under {@link #name()}. Modules that keep a reader's data implement it, so that the export is complete
 * without identity knowing them.
 */
public interface AccountExport {

    /** The key of this part in the export, say {@code "subscriptions"}. */
    String name();

    /** What the module keeps for the account, as plain values, lists and maps (written as JSON). */
    Object export(long accountId);
}

/**
 * Alerts: readers follow what matters (an edition's breaking news, a section, a tag, an author, one story) and get it
 * by email at once, in a daily digest, or by browser Web Push.
 * <p>
 * Tables: {@code subscribers} (an account, a visitor known by an email address after double opt-in, or a browser
 * known by its push subscription), {@code subscriptions} (what a subscriber follows and how it reaches them) and
 * {@code push_endpoints}. Every mail carries links made by {@link org.dateline.alerts.ManageLinks}: signed with the
 * subscriber's own random key, so they work without logging in, and a new key ends them all.
 */
package org.dateline.alerts;

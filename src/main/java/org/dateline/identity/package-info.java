/**
 * Who is calling: the security configuration of the whole application, and for now the one kind of actor the
 * foundation has, an integration calling the admin API with the bootstrap token {@code DATELINE_ADMIN_TOKEN}.
 * Staff and reader accounts, login and roles come with the newsroom and readers work.
 * <p>
 * Every form and API call is authorised here, in {@code internal.SecurityConfiguration}; use cases receive an
 * authenticated caller and check their own policy.
 */
package org.dateline.identity;

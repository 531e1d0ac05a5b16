/**
 * Alerts: readers follow what matters (an edition's breaking news, a section, a tag, an author, one story) and get it
 * by email at once, in a daily digest, or by browser Web Push.
 * <p>
 * Tables: {@code subscribers} (an account, a visitor known by an email address after double opt-in, or a browser
 * known by its push subscription), {@code subscriptions} (what a subscriber follows and how it reaches them) and
 * {@code push_endpoints}. Every mail carries links made by {@link org.dateline.alerts.ManageLinks}: signed with the
 * subscriber's own random key, so they work without logging in, and a new key ends them all.
 * <p>
 * API: {@link org.dateline.alerts.Subscribe} (a logged-in reader's one click, a visitor's subscriptions that wait
 * for the confirmation of their address; one thing or several at once, all or none),
 * {@link org.dateline.alerts.SubscribeForm} (the form the site puts under a headline and on section, tag and author
 * pages, and the edition's one form of boxes on {@code /{edition}/subscribe}: the same for every reader),
 * {@link org.dateline.alerts.Topic}, {@link org.dateline.alerts.Delivery}, {@link org.dateline.alerts.Subscriber},
 * {@link org.dateline.alerts.Subscription}. A visitor's subscription waits with {@code ended_at} set and
 * {@code ended_why = 'pending'} until the address is confirmed; so nothing that reads running subscriptions
 * ({@code ended_at IS NULL}) ever sees it.
 * <p>
 * Pages (all in {@code internal}): {@code POST /{edition}/subscribe}; {@code /alerts/confirm/{subscriber}} (a GET
 * shows a button, the POST confirms); {@code /alerts/manage/{subscriber}} (list, end one, end all, the digest's hour
 * and time zone); {@code /alerts/unsubscribe/{subscription}} (RFC 8058: the POST ends it, a GET only asks);
 * {@code /account/subscriptions} for logged-in readers. Consumes {@link org.dateline.identity.AccountDeleted} (the
 * account's running subscriptions end, {@code account-deleted}), {@link org.dateline.identity.AccountRestored}
 * (exactly those run again) and {@link org.dateline.identity.AccountErased} (the account's subscriber goes), and
 * adds {@code subscriptions} to the account's export ({@link org.dateline.identity.AccountExport}). Visitors'
 * subscribing and confirming are rate limited per client address and per email address, and every other write a
 * stranger can make per client address; a confirmation link expires ({@code dateline.alerts.confirm-expiry}).
 * <p>
 * Delivery ({@code internal.delivery}, tables of V74): each newsroom event that may alert followers writes one
 * {@code alert_jobs} row in the newsroom's own transaction (a breaking mark: the edition's breaking-news followers; a
 * publication: the section's, tags' and authors' followers; an update or correction: the story's followers). Every
 * node runs the worker, and claims with leases let one node at a time work on each row: it expands a job into one
 * {@code alerts} row per (subscriber, channel, story, kind), the unique {@code dedup_key} making a reader who follows
 * the section, a tag and breaking news get one alert; it sends EMAIL at once (multipart HTML and text from
 * {@code jte/alerts}, in the story's edition's language, with RFC 8058 {@code List-Unsubscribe} headers and a
 * Message-ID made from the alert's id), PUSH through the {@link org.dateline.alerts.internal.push.PushSender} bean
 * when there is one, and gathers DIGEST alerts into one {@code alert_digests} mail per subscriber and local day (a
 * unique key: once per cluster; its one-click link ends every digest subscription of the subscriber). At least
 * once, with retries on a growing back-off; a permanent failure (a 5xx from the mail server, a push endpoint gone or
 * refused) ends that channel; a kill or an unpublish withdraws what has not gone out. Every node prunes what is past
 * {@code dateline.alerts.retention} and the confirmation expiry ({@code AlertRetention}, indexes of V76). The
 * newsroom reads a story's counts (queued, sent, failed) through {@link org.dateline.newsroom.StoryAlerts}, which this
 * module implements.
 */
package org.dateline.alerts;

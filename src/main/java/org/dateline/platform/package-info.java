/**
 * Infrastructure every module uses: settings, the clock, HTTP errors with stable codes, security headers, the
 * per-node page cache with its hit path in front of the servlet layer (pages and this build's assets) and its
 * first-in-chain servlet filter, inserting a JDBC batch for its generated keys, rate limits
 * that hold for the cluster, a thread of its own for a periodic job's rounds.
 * <p>
 * API: {@link org.dateline.platform.DatelineSettings}, {@link org.dateline.platform.SettingRules},
 * {@link org.dateline.platform.cache.PageCache}, {@link org.dateline.platform.web.ApiException},
 * {@link org.dateline.platform.jdbc.BatchInsert}, {@link org.dateline.platform.jdbc.DatabaseKind},
 * {@link org.dateline.platform.limits.RateLimiter}, {@link org.dateline.platform.scheduling.RoundThread}. Owns no domain data (the rate limits' buckets are state, not
 * data: table {@code rate_limit_buckets} on PostgreSQL); publishes and consumes no events.
 * <p>
 * Settings: {@code DatelineSettings} holds only the platform's own ({@code dateline.data-dir}, {@code node-id},
 * {@code base-url}, {@code page-cache.*}, {@code mail.from}, {@code trusted-proxies}); each module binds its own settings record, and every
 * record checks itself with {@code SettingRules} so that a wrong value stops the start with the property's name.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.dateline.platform;

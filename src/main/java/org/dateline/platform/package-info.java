/**
 * Infrastructure every module uses: settings, the clock, HTTP errors with stable codes, security headers, the
 * per-node page cache and its first-in-chain servlet filter, inserting a JDBC batch for its generated keys.
 * <p>
 * API: {@link org.dateline.platform.DatelineSettings}, {@link org.dateline.platform.cache.PageCache},
 * {@link org.dateline.platform.web.ApiException}, {@link org.dateline.platform.jdbc.BatchInsert}. Owns no domain
 * data; publishes and consumes no events.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.dateline.platform;

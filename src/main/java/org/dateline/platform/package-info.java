/**
 * Infrastructure every module uses: settings, the clock, HTTP errors with stable codes, security headers, the
 * per-node page cache and its first-in-chain servlet filter.
 * <p>
 * API: {@link org.dateline.platform.DatelineSettings}, {@link org.dateline.platform.cache.PageCache},
 * {@link org.dateline.platform.web.ApiException}. Owns no domain data; publishes and consumes no events.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.dateline.platform;

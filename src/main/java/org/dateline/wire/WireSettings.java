package org.dateline.wire;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Wire settings ({@code dateline.wire.*}).
 *
 * @param allowLocalFeeds let feed URLs point at loopback, private and link-local addresses. Off by default, so that
 *                        whoever may add a feed cannot make the server fetch from inside its own network; tests and
 *                        a newsroom with an internal wire server switch it on.
 * @param pollFeeds       poll due feeds every two seconds; off, feeds are only polled on request
 * @param fetchPictures   fetch the pictures wire copy describes at web addresses into the picture library; off (a
 *                        desk that takes text alone, or a test suite that must not reach out), they are passed over
 *                        without a log line, and a story still gets a lead picture the library holds by its guid
 */
@ConfigurationProperties("dateline.wire")
public record WireSettings(@DefaultValue("false") boolean allowLocalFeeds, @DefaultValue("true") boolean pollFeeds,
                           @DefaultValue("true") boolean fetchPictures) {
}

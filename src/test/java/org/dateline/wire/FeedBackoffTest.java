package org.dateline.wire;

import java.net.InetAddress;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How long a failing feed waits, and which addresses may be polled: plain rules, no Spring. */
class FeedBackoffTest {

    @Test
    void eachFailureInARowDoublesTheWaitUpToSixHours() {
        Duration five = Duration.ofMinutes(5);
        assertThat(FeedPoller.backoff(five, 0)).isEqualTo(five);
        assertThat(FeedPoller.backoff(five, 1)).isEqualTo(Duration.ofMinutes(10));
        assertThat(FeedPoller.backoff(five, 2)).isEqualTo(Duration.ofMinutes(20));
        assertThat(FeedPoller.backoff(five, 6)).isEqualTo(Duration.ofMinutes(320));
        assertThat(FeedPoller.backoff(five, 7)).isEqualTo(Duration.ofHours(6));
        assertThat(FeedPoller.backoff(five, 1_000)).isEqualTo(Duration.ofHours(6));
        assertThat(FeedPoller.backoff(Duration.ofMinutes(1), 3)).isEqualTo(Duration.ofMinutes(8));
    }

    @Test
    void aFeedPolledLessOftenThanTheCapNeverWaitsLessThanItsInterval() {
        Duration day = Duration.ofDays(1);
        assertThat(FeedPoller.backoff(day, 1)).isEqualTo(day);
        assertThat(FeedPoller.backoff(day, 40)).isEqualTo(day);
    }

    @Test
    void onlyHttpAndHttpsAddressesOutsideLocalNetworksArePolled() throws Exception {
        assertThat(FeedAddresses.check("ftp://example.com/feed.xml", false)).get()
                .extracting("code").isEqualTo("unsupported_scheme");
        assertThat(FeedAddresses.check("not a url", false)).get().extracting("code").isEqualTo("invalid_url");
        assertThat(FeedAddresses.check("feed.xml", false)).get().extracting("code").isEqualTo("invalid_url");
        assertThat(FeedAddresses.check("mailto:desk@example.com", false)).get().extracting("code")
                .isEqualTo("invalid_url");
        assertThat(FeedAddresses.check(" ", false)).get().extracting("code").isEqualTo("url_required");
        assertThat(FeedAddresses.check("http://127.0.0.1:8080/feed", false)).get().extracting("code")
                .isEqualTo("local_address_refused");
        assertThat(FeedAddresses.check("http://10.1.2.3/feed", false)).get().extracting("code")
                .isEqualTo("local_address_refused");
        assertThat(FeedAddresses.check("http://[::1]/feed", false)).get().extracting("code")
                .isEqualTo("local_address_refused");
        assertThat(FeedAddresses.check("http://127.0.0.1:8080/feed", true)).isEmpty();
        assertThat(FeedAddresses.check("https://93.184.216.34/feed.xml", false)).isEmpty();

        assertThat(FeedAddresses.local(InetAddress.getByName("192.168.1.1"))).isTrue();
        assertThat(FeedAddresses.local(InetAddress.getByName("169.254.169.254"))).isTrue();
        assertThat(FeedAddresses.local(InetAddress.getByName("100.64.0.1"))).isTrue();
        assertThat(FeedAddresses.local(InetAddress.getByName("fd00::1"))).isTrue();
        assertThat(FeedAddresses.local(InetAddress.getByName("8.8.8.8"))).isFalse();
    }

    @Test
    void feedsServedAsHtmlOrTextAreToldApartByTheirRootElement() {
        assertThat(FeedFetcher.wireType("application/rss+xml; charset=utf-8")).isEqualTo(
                "application/rss+xml; charset=utf-8");
        assertThat(FeedFetcher.wireType("text/html; charset=utf-8")).isNull();
        assertThat(FeedFetcher.wireType(null)).isNull();
        assertThat(FeedPoller.userAgent()).startsWith("Dateline/").endsWith(" (+wire)");
    }
}

package org.dateline.readership.internal;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import org.springframework.stereotype.Component;

/**
 * Views a client address may send per minute ({@link ReadershipSettings#viewsPerAddressPerMinute}). Buckets live on
 * this node and are forgotten when idle.
 */
@Component
public class ViewThrottle {

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(200_000)
            .expireAfterAccess(Duration.ofMinutes(5)).build();
    private final int perMinute;

    ViewThrottle(ReadershipSettings settings) {
        this.perMinute = settings.viewsPerAddressPerMinute();
    }

    public boolean tryAcquire(String address) {
        return buckets.get(address == null ? "" : address, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build()).tryConsume(1);
    }
}

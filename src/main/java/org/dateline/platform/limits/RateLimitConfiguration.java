package org.dateline.platform.limits;

import java.time.Duration;
import java.util.Optional;

import javax.sql.DataSource;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import org.dateline.platform.jdbc.DatabaseKind;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitSettings.class)
class RateLimitConfiguration {

    @Bean
    RateLimiter rateLimiter(DatabaseKind kind, DataSource dataSource, RateLimitSettings settings) {
        return new RateLimiter(kind.isPostgres() ? Optional.of(sharedTable(dataSource)) : Optional.empty(), settings);
    }

    @Bean
    ExpiredBuckets expiredBuckets(RateLimiter limiter) {
        return new ExpiredBuckets(limiter);
    }

    /** The table of migration V58 (PostgreSQL only). */
    static RateLimiter.SharedTable sharedTable(DataSource dataSource) {
        PostgreSQLSelectForUpdateBasedProxyManager<String> table = Bucket4jPostgreSQL
                .selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_buckets").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                // a row may go once its bucket is full again: it is then the same as no row
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
                .build();
        return new RateLimiter.SharedTable(table, table);
    }
}

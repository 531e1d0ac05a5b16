-- Rate limits shared by the nodes of a cluster (platform.limits.SharedBuckets, through Bucket4j's PostgreSQL proxy):
-- one row per limit and key. The id is the limit's name and settings and a hash of the key (an address, an email
-- address), state is Bucket4j's serialised bucket, expires_at (epoch milliseconds) the time at which the bucket is
-- full again; rows past it are deleted (ExpiredBuckets). No index on expires_at: every check rewrites it, and the
-- delete runs every ten minutes. The embedded H2 default keeps its limits in memory and has no such table.
CREATE TABLE rate_limit_buckets (
    id          VARCHAR(200) NOT NULL PRIMARY KEY,
    state       BYTEA,
    expires_at  BIGINT
);

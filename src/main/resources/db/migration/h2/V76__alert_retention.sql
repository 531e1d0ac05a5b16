-- What the pruning of alerts (module alerts, AlertRetention) reads. Visitors' subscriptions waiting for their
-- confirmation (ended_why 'pending', ended_at the time asked) are deleted once the confirmation link has expired;
-- visitors who never confirmed are found by confirmed_at IS NULL (few rows: accounts and browsers are confirmed
-- when made) and their age. Old alerts, digests and jobs are found through the indexes V74 made. H2 indexes every
-- foreign key by itself, so deleting a job or a subscription finds its alerts without more: PostgreSQL's V76 adds
-- those two indexes.
CREATE INDEX subscriptions_ended ON subscriptions (ended_why, ended_at);
CREATE INDEX subscribers_unconfirmed ON subscribers (confirmed_at, created_at);

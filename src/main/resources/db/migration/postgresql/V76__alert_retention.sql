-- What the pruning of alerts (module alerts, AlertRetention) reads. Visitors' subscriptions waiting for their
-- confirmation (ended_why 'pending', ended_at the time asked) are deleted once the confirmation link has expired;
-- visitors who never confirmed are found by confirmed_at IS NULL (few rows: accounts and browsers are confirmed
-- when made) and their age. Old alerts, digests and jobs are found through the indexes V74 made.
CREATE INDEX subscriptions_ended ON subscriptions (ended_why, ended_at);
CREATE INDEX subscribers_unconfirmed ON subscribers (confirmed_at, created_at);
-- PostgreSQL does not index a foreign key's referencing columns (H2 does, and its V76 has no such lines): without
-- these, deleting a job or a subscription would scan every alert to find those that name it, and the pruning of
-- jobs asks the same of each job.
CREATE INDEX alerts_job ON alerts (job_id);
CREATE INDEX alerts_subscription ON alerts (subscription_id);

-- Stored sessions are filed under the account id (identity's AccountSessionIndex: 'account:42'), no longer under the
-- email address, so that ending an account's sessions finds those logged in before this version too.
UPDATE spring_session
SET principal_name = (SELECT 'account:' || CAST(a.id AS VARCHAR(20)) FROM accounts a
                      WHERE a.email = spring_session.principal_name)
WHERE principal_name IN (SELECT email FROM accounts);

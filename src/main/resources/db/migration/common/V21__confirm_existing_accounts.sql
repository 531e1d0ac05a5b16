-- Accounts made before email confirmation existed were made by administrators: count them as confirmed.
UPDATE accounts SET email_confirmed_at = created_at WHERE email_confirmed_at IS NULL;

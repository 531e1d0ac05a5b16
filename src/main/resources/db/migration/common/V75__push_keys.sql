-- The site's VAPID key pair (RFC 8292, P-256), one for the whole cluster: push services bind a browser's subscription
-- to the public key the page subscribed with, so every node signs with the same private key. Made by the first node
-- that needs it (insert if absent; the row's id is always 1) and never replaced, since a new key would orphan every
-- subscription. public_key is the uncompressed point, private_key the scalar, both base64url without padding.
CREATE TABLE push_vapid_keys (
    id          INT          PRIMARY KEY,
    public_key  VARCHAR(100) NOT NULL,
    private_key VARCHAR(100) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT push_vapid_keys_one CHECK (id = 1)
);

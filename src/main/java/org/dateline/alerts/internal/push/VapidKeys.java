package org.dateline.alerts.internal.push;

import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The cluster's VAPID key pair ({@code push_vapid_keys}): read from the database, or made and inserted by the first
 * node that asks; a node that loses the race to insert reads the winner's. Held in memory once read, since it never
 * changes. The private key never leaves this class but to sign.
 */
@Component
class VapidKeys {

    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile KeyPair pair;

    VapidKeys(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    KeyPair pair() {
        KeyPair known = pair;
        if (known == null) {
            known = stored().orElseGet(this::insert);
            pair = known;
        }
        return known;
    }

    /** The public key as browsers take it ({@code applicationServerKey}): the point in base64url. */
    String publicKey() {
        return P256.base64(P256.point((ECPublicKey) pair().getPublic()));
    }

    private KeyPair insert() {
        KeyPair made = P256.newKeyPair();
        try {
            jdbc.sql("INSERT INTO push_vapid_keys (id, public_key, private_key, created_at) VALUES (1, ?, ?, ?)")
                    .params(P256.base64(P256.point((ECPublicKey) made.getPublic())),
                            P256.base64(P256.scalar((ECPrivateKey) made.getPrivate())),
                            clock.instant().atOffset(ZoneOffset.UTC))
                    .update();
            return made;
        } catch (DuplicateKeyException another) {
            return stored().orElseThrow(() -> another);
        }
    }

    private Optional<KeyPair> stored() {
        return jdbc.sql("SELECT public_key, private_key FROM push_vapid_keys WHERE id = 1")
                .query((rs, row) -> P256.keyPair(P256.unbase64(rs.getString("private_key")),
                        P256.unbase64(rs.getString("public_key"))))
                .optional();
    }
}

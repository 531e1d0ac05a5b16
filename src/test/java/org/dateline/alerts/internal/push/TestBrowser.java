package org.dateline.alerts.internal.push;

import java.nio.ByteBuffer;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;

import javax.crypto.Cipher;

/**
 * A browser's side of Web Push for tests: its own P-256 key pair and auth secret (what a browser puts in its push
 * subscription), and the decryption of an {@code aes128gcm} body as a browser does it (RFC 8291 §3.4, RFC 8188).
 */
public final class TestBrowser {

    final KeyPair keys;
    final byte[] auth;

    public TestBrowser() {
        this(P256.newKeyPair(), random(16));
    }

    TestBrowser(KeyPair keys, byte[] auth) {
        this.keys = keys;
        this.auth = auth;
    }

    public String p256dh() {
        return P256.base64(P256.point((ECPublicKey) keys.getPublic()));
    }

    public String authBase64() {
        return P256.base64(auth);
    }

    PushSender.Target target(long id, String endpoint) {
        return new PushSender.Target(id, endpoint, p256dh(), authBase64());
    }

    /** {@code PushSubscription.toJSON()} of this browser at this endpoint. */
    String subscriptionJson(String endpoint) {
        return """
                {"endpoint":"%s","expirationTime":null,"keys":{"p256dh":"%s","auth":"%s"}}
                """.formatted(endpoint, p256dh(), authBase64()).strip();
    }

    /** The plain payload of a body encrypted for this browser; throws when it was not. */
    public byte[] decrypt(byte[] body) {
        ByteBuffer in = ByteBuffer.wrap(body);
        byte[] salt = new byte[16];
        in.get(salt);
        int recordSize = in.getInt();
        byte[] keyId = new byte[in.get() & 0xff];
        in.get(keyId);
        byte[] record = new byte[in.remaining()];
        in.get(record);
        if (record.length > recordSize) {
            throw new IllegalArgumentException("more than one record");
        }
        byte[] secret = P256.ecdh((ECPrivateKey) keys.getPrivate(), P256.publicKey(keyId));
        Aes128Gcm.Keys derived = Aes128Gcm.keys(secret, auth, P256.point((ECPublicKey) keys.getPublic()), keyId, salt);
        byte[] plain = Aes128Gcm.gcm(Cipher.DECRYPT_MODE, derived, record);
        int end = plain.length - 1;
        while (end >= 0 && plain[end] == 0) {
            end--; // padding
        }
        if (end < 0 || plain[end] != 2) {
            throw new IllegalArgumentException("the last record lacks its delimiter");
        }
        return Arrays.copyOf(plain, end);
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}

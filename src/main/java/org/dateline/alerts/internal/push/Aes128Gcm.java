package org.dateline.alerts.internal.push;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Web Push message encryption (RFC 8291) in the {@code aes128gcm} content coding (RFC 8188): a fresh P-256 key pair
 * and salt per message, the shared secret of ECDH with the browser's key mixed with its {@code auth} secret by HKDF
 * (HMAC-SHA-256), and the payload sealed in one AES-128-GCM record behind a header that carries the salt, the record
 * size and the sender's public key.
 */
final class Aes128Gcm {

    /** The largest payload every push service takes: 4096 bytes of body (RFC 8030 §7.2), the 86-byte header,
     * the record's delimiter and its 16-byte tag included. */
    static final int MAX_PAYLOAD = 4096 - 16 - 1 - 86;
    static final int RECORD_SIZE = 4096;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Aes128Gcm() {
    }

    /** The content-encryption key and nonce of one message. */
    record Keys(byte[] cek, byte[] nonce) {
    }

    /** Encrypts with a new key pair and salt: the request body. */
    static byte[] encrypt(byte[] payload, byte[] uaPublic, byte[] authSecret) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return encrypt(payload, uaPublic, authSecret, P256.newKeyPair(), salt);
    }

    /** Encrypts with the given sender key pair and salt (the known answer of RFC 8291 Appendix A). */
    static byte[] encrypt(byte[] payload, byte[] uaPublic, byte[] authSecret, KeyPair sender, byte[] salt) {
        if (payload.length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("a push payload holds at most " + MAX_PAYLOAD + " bytes");
        }
        byte[] asPublic = P256.point((ECPublicKey) sender.getPublic());
        byte[] secret = P256.ecdh((ECPrivateKey) sender.getPrivate(), P256.publicKey(uaPublic));
        Keys keys = keys(secret, authSecret, uaPublic, asPublic, salt);
        byte[] record = Arrays.copyOf(payload, payload.length + 1);
        record[payload.length] = 2; // the last (and only) record's delimiter, no padding
        ByteArrayOutputStream body = new ByteArrayOutputStream(86 + record.length + 16);
        body.writeBytes(salt);
        body.writeBytes(ByteBuffer.allocate(4).putInt(RECORD_SIZE).array());
        body.write(asPublic.length);
        body.writeBytes(asPublic);
        body.writeBytes(gcm(Cipher.ENCRYPT_MODE, keys, record));
        return body.toByteArray();
    }

    /**
     * RFC 8291 §3.4 and RFC 8188 §2.2–2.3: the keys of a message from the ECDH secret, the browser's auth secret,
     * both public keys and the salt.
     */
    static Keys keys(byte[] ecdhSecret, byte[] authSecret, byte[] uaPublic, byte[] asPublic, byte[] salt) {
        byte[] prkKey = hmac(authSecret, ecdhSecret);
        ByteArrayOutputStream keyInfo = new ByteArrayOutputStream();
        keyInfo.writeBytes("WebPush: info\0".getBytes(StandardCharsets.US_ASCII));
        keyInfo.writeBytes(uaPublic);
        keyInfo.writeBytes(asPublic);
        byte[] ikm = expand(prkKey, keyInfo.toByteArray(), 32);
        byte[] prk = hmac(salt, ikm);
        return new Keys(expand(prk, "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII), 16),
                expand(prk, "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII), 12));
    }

    static byte[] gcm(int mode, Keys keys, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(keys.cek(), "AES"), new GCMParameterSpec(128, keys.nonce()));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("AES-GCM failed", e);
        }
    }

    /** HKDF-Expand for one block (every length here is at most 32 bytes). */
    private static byte[] expand(byte[] prk, byte[] info, int length) {
        byte[] input = Arrays.copyOf(info, info.length + 1);
        input[info.length] = 1;
        return Arrays.copyOf(hmac(prk, input), length);
    }

    static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}

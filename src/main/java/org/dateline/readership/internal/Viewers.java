package org.dateline.readership.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Who a view is counted for: {@code a:<account id>} for a logged-in reader; for an anonymous visitor
 * {@code h:} and an HMAC-SHA256 of the client address under a random salt of the day, shared by every node through
 * the database. The address itself is never stored, and once the day's salt is deleted (with its marks) no stored
 * value can be tied to it again.
 */
@Component
public class Viewers {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcArticleViews views;
    private final ConcurrentMap<LocalDate, byte[]> salts = new ConcurrentHashMap<>();

    Viewers(JdbcArticleViews views) {
        this.views = views;
    }

    public static String ofAccount(long accountId) {
        return "a:" + accountId;
    }

    public String ofAddress(String address, LocalDate day) {
        if (!salts.containsKey(day)) { // a new day: yesterday's salt stays for views answered around midnight
            salts.keySet().removeIf(known -> known.isBefore(day.minusDays(1)));
        }
        byte[] salt = salts.computeIfAbsent(day, this::salt);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(salt, "HmacSHA256"));
            byte[] digest = mac.doFinal((address == null ? "" : address).getBytes(StandardCharsets.UTF_8));
            return "h:" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 18));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private byte[] salt(LocalDate day) {
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        return HexFormat.of().parseHex(views.salt(day, HexFormat.of().formatHex(fresh)));
    }
}

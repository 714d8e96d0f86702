package vn.friendlygov.feedback.chat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The two chat channels' signatures over the raw body, compared in constant time. */
public final class Signatures {

    private Signatures() {
    }

    /** Zalo OA: {@code mac = sha256(appId + rawBody + timestamp + oaSecretKey)}, hex, sent as {@code mac=<hex>}. */
    public static String zalo(String appId, byte[] rawBody, String timestamp, String oaSecretKey) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(appId.getBytes(StandardCharsets.UTF_8));
            d.update(rawBody);
            d.update(timestamp.getBytes(StandardCharsets.UTF_8));
            d.update(oaSecretKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d.digest());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Facebook: {@code sha256=} + hex HMAC-SHA256 of the raw body keyed with the app secret. */
    public static String facebook(String appSecret, byte[] rawBody) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(rawBody));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean same(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.strip().toLowerCase().getBytes(StandardCharsets.UTF_8));
    }
}

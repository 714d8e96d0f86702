package vn.friendlygov.feedback.chat;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * The chat channels' tokens at rest (Zalo access and refresh tokens, Facebook page tokens): AES-256-GCM with the key of
 * {@code feedback.token-key} (env {@code FEEDBACK_TOKEN_KEY}, 32 bytes in base64), stored as {@code v1:} + base64 of
 * nonce, ciphertext and tag. A value without the prefix was written in clear (before this, or without a key) and is
 * read as it is; the next write encrypts it. Without a key, tokens are written in clear and a warning says so once.
 */
@Converter
public class SecretColumn implements AttributeConverter<String, String> {

    static final String PREFIX = "v1:";
    private static final Logger LOG = Logger.getLogger(SecretColumn.class);
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static volatile Optional<SecretKey> key;
    private static volatile boolean warned;

    @Override
    public String convertToDatabaseColumn(String value) {
        if (value == null) {
            return null;
        }
        Optional<SecretKey> k = key();
        if (k.isEmpty()) {
            if (!warned) {
                warned = true;
                LOG.warn("feedback.token-key is not set: chat tokens are stored in clear");
            }
            return value;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, k.get(), new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = c.doFinal(value.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a chat token could not be encrypted", e);
        }
    }

    @Override
    public String convertToEntityAttribute(String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return stored;
        }
        SecretKey k = key().orElseThrow(() -> new IllegalStateException(
                "a chat token is encrypted but feedback.token-key is not set"));
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, k, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            return new String(c.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // a changed key or a damaged value: the token is unusable, which the channel's next call will report
            throw new IllegalStateException("a chat token could not be decrypted with feedback.token-key", e);
        }
    }

    private static Optional<SecretKey> key() {
        Optional<SecretKey> k = key;
        if (k == null) {
            k = ConfigProvider.getConfig().getOptionalValue("feedback.token-key", String.class)
                    .filter(s -> !s.isBlank()).map(SecretColumn::parse);
            key = k;
        }
        return k;
    }

    private static SecretKey parse(String base64) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("feedback.token-key is not base64", e);
        }
        if (raw.length != 32) {
            throw new IllegalStateException("feedback.token-key must be 32 bytes (base64 of 32 random bytes)");
        }
        return new SecretKeySpec(raw, "AES");
    }
}

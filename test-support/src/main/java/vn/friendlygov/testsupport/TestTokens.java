package vn.friendlygov.testsupport;

import io.smallrye.jwt.build.Jwt;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

/**
 * Signs bearer tokens for tests with an RSA key made once per JVM. The services under test trust its public key
 * through the configuration {@link PlatformTestResource} hands them.
 */
public final class TestTokens {

    public static final String ISSUER = "https://test.friendlygov.local";
    private static final KeyPair KEYS = generate();

    private TestTokens() {
    }

    public static String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded());
    }

    /** A token for one person: role, unit code and ward code, as the identity provider would issue it. */
    public static String token(String role, String unit, String ward) {
        var builder = Jwt.issuer(ISSUER)
                .subject(role + "-" + unit + "@" + ward)
                .upn(role + "." + unit + "@" + ward)
                .groups(Set.of(role))
                .expiresIn(Duration.ofHours(1));
        if (unit != null) {
            builder.claim("unit", unit);
        }
        if (ward != null) {
            builder.claim("ward", ward);
        }
        return builder.jws().keyId("test").sign(KEYS.getPrivate());
    }

    /** A well-formed token signed by a key the services do not trust. */
    public static String foreignToken(String role, String unit, String ward) {
        return Jwt.issuer(ISSUER).subject("intruder").groups(Set.of(role)).claim("unit", unit).claim("ward", ward)
                .expiresIn(Duration.ofHours(1)).sign(generate().getPrivate());
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

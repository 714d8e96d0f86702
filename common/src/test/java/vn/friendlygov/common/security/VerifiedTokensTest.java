package vn.friendlygov.common.security;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/**
 * The verified-token cache against smallrye-jwt's real parser and real RS256 tokens: a remembered token is served
 * only while valid, and anything else (tampered, foreign, expired) still goes through the full verification.
 */
class VerifiedTokensTest {

    static final String ISSUER = "https://cache-test.friendlygov.local";
    static final KeyPair KEYS = keys();
    static final KeyPair FOREIGN = keys();

    final AtomicInteger verified = new AtomicInteger();
    final DefaultJWTParser parser = new DefaultJWTParser(contextInfo());

    /** The full verification, counted. */
    final VerifiedTokens.Verifier verifier = token -> {
        verified.incrementAndGet();
        return parser.parse(token);
    };

    @Test
    void aTokenIsVerifiedOnceAndThenServedFromTheCache() throws Exception {
        VerifiedTokens tokens = new VerifiedTokens(16, 300, -1, Clock.systemUTC());
        String token = token("ward-1", Instant.now().plusSeconds(3600), KEYS);
        JsonWebToken first = tokens.parse(token, verifier);
        JsonWebToken second = tokens.parse(token, verifier);
        assertSame(first, second);
        assertEquals(1, verified.get());
        assertEquals("ward-1", second.getClaim("ward").toString());
    }

    @Test
    void tamperedAndForeignTokensAreRefusedEvenWhenTheOriginalIsRemembered() throws Exception {
        VerifiedTokens tokens = new VerifiedTokens(16, 300, -1, Clock.systemUTC());
        String token = token("ward-1", Instant.now().plusSeconds(3600), KEYS);
        tokens.parse(token, verifier);
        String[] parts = token.split("\\.");
        // another ward in the claims, the original signature
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("ward-1", "ward-2");
        String otherClaims = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertThrows(ParseException.class, () -> tokens.parse(otherClaims, verifier));
        // one character of the signature changed
        char last = parts[2].charAt(10);
        String otherSignature = parts[0] + "." + parts[1] + "." + parts[2].substring(0, 10) + (last == 'A' ? 'B' : 'A')
                + parts[2].substring(11);
        assertThrows(ParseException.class, () -> tokens.parse(otherSignature, verifier));
        // signed by a key the service does not trust
        String foreign = token("ward-1", Instant.now().plusSeconds(3600), FOREIGN);
        assertThrows(ParseException.class, () -> tokens.parse(foreign, verifier));
        assertThrows(ParseException.class, () -> tokens.parse(token + "x", verifier));
        assertEquals(1, tokens.size(), "only the valid token is remembered");
    }

    @Test
    void aRememberedTokenIsRefusedOnceItHasExpired() throws Exception {
        VerifiedTokens tokens = new VerifiedTokens(16, 300, -1, Clock.systemUTC());
        String token = token("ward-1", Instant.now().plusSeconds(2), KEYS);
        tokens.parse(token, verifier);
        tokens.parse(token, verifier);
        assertEquals(1, verified.get());
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> refused(tokens, token));
        assertTrue(verified.get() > 1, "after exp the token went through the full verification again");
        assertThrows(ParseException.class, () -> tokens.parse(token, verifier));
    }

    @Test
    void anExpiredTokenIsNeverRemembered() throws Exception {
        VerifiedTokens tokens = new VerifiedTokens(16, 300, -1, Clock.systemUTC());
        String token = token("ward-1", Instant.now().minusSeconds(5), KEYS);
        assertThrows(ParseException.class, () -> tokens.parse(token, verifier));
        assertEquals(0, tokens.size());
    }

    @Test
    void aTokenIsVerifiedAgainAfterTheLongestLifetimeAndTheConfiguredAge() throws Exception {
        MovableClock clock = new MovableClock();
        VerifiedTokens tokens = new VerifiedTokens(16, 60, -1, clock);
        String token = token("ward-1", Instant.now().plusSeconds(3600), KEYS);
        tokens.parse(token, verifier);
        clock.now = clock.now.plusSeconds(59);
        tokens.parse(token, verifier);
        assertEquals(1, verified.get());
        clock.now = clock.now.plusSeconds(1);
        tokens.parse(token, verifier);
        assertEquals(2, verified.get(), "verified again after 60 s");

        // mp.jwt.verify.token.age = 30 s: remembered only until iat + 30 s
        MovableClock clock2 = new MovableClock();
        VerifiedTokens aged = new VerifiedTokens(16, 300, 30, clock2);
        String young = token("ward-1", Instant.now().plusSeconds(3600), KEYS);
        aged.parse(young, verifier);
        clock2.now = clock2.now.plusSeconds(31);
        aged.parse(young, verifier);
        assertEquals(4, verified.get());
    }

    @Test
    void theCacheIsBounded() throws Exception {
        VerifiedTokens tokens = new VerifiedTokens(3, 300, -1, Clock.systemUTC());
        for (int i = 0; i < 10; i++) {
            tokens.parse(token("ward-" + i, Instant.now().plusSeconds(3600), KEYS), verifier);
            assertTrue(tokens.size() <= 3, "size " + tokens.size());
        }
    }

    private boolean refused(VerifiedTokens tokens, String token) {
        try {
            tokens.parse(token, verifier);
            return false;
        } catch (ParseException e) {
            return true;
        }
    }

    private static String token(String ward, Instant exp, KeyPair keys) {
        return Jwt.issuer(ISSUER).subject("officer@" + ward).upn("officer@" + ward).groups(Set.of("officer"))
                .claim("unit", "VHXH").claim("ward", ward).issuedAt(Instant.now()).expiresAt(exp)
                .jws().keyId("k").sign(keys.getPrivate());
    }

    private static JWTAuthContextInfo contextInfo() {
        JWTAuthContextInfo info = new JWTAuthContextInfo((RSAPublicKey) KEYS.getPublic(), ISSUER);
        info.setClockSkew(0); // the default 60 s of grace after exp would make the expiry test wait a minute
        return info;
    }

    private static KeyPair keys() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static final class MovableClock extends Clock {
        Instant now = Instant.now();

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

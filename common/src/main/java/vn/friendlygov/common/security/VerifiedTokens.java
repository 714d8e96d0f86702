package vn.friendlygov.common.security;

import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.json.JsonNumber;
import java.time.Clock;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Bearer tokens this process has already verified, remembered by their exact text so that a client sending the same
 * token again (every request of a session) is not verified again: the signature check and the parsing of the token
 * are the largest part of a small download's own CPU.
 *
 * <p>Safe because the key is the token's exact text: any changed byte (header, claims or signature) is another key
 * and goes through the full verification. A remembered token is served only while it has not expired ({@code exp},
 * without the verifier's clock skew: after {@code exp} the full verification decides again, as without this cache),
 * within {@code mp.jwt.verify.token.age} of its {@code iat} when that is configured, and at most {@code maxSeconds}
 * after it was verified. Tokens without {@code exp} are not remembered. At most {@code capacity} tokens are kept:
 * when full, expired ones are dropped first, then arbitrary ones (a dropped token is simply verified again).
 */
public final class VerifiedTokens {

    /** The full verification (smallrye-jwt's parser with the configured key, issuer and algorithm). */
    @FunctionalInterface
    public interface Verifier {
        JsonWebToken verify(String token) throws ParseException;
    }

    private record Entry(JsonWebToken jwt, long validUntilSecond) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final int capacity;
    private final long maxSeconds;
    private final long maxAgeSeconds;
    private final Clock clock;

    /**
     * @param maxAgeSeconds {@code mp.jwt.verify.token.age} in seconds, or a negative number when not configured
     */
    public VerifiedTokens(int capacity, long maxSeconds, long maxAgeSeconds, Clock clock) {
        if (capacity < 1 || maxSeconds < 1) {
            throw new IllegalArgumentException("capacity and lifetime must be positive");
        }
        this.capacity = capacity;
        this.maxSeconds = maxSeconds;
        this.maxAgeSeconds = maxAgeSeconds;
        this.clock = clock;
    }

    /** The verified token: remembered, or verified now by {@code verifier} (whose refusal is passed on unchanged). */
    public JsonWebToken parse(String token, Verifier verifier) throws ParseException {
        long now = clock.instant().getEpochSecond();
        Entry entry = entries.get(token);
        if (entry != null) {
            if (now < entry.validUntilSecond()) {
                return entry.jwt();
            }
            entries.remove(token, entry);
        }
        JsonWebToken jwt = verifier.verify(token);
        long exp = seconds(jwt.getClaim(Claims.exp.name()));
        long until = Math.min(exp, now + maxSeconds);
        if (maxAgeSeconds >= 0) {
            long iat = seconds(jwt.getClaim(Claims.iat.name()));
            until = iat > 0 ? Math.min(until, iat + maxAgeSeconds) : now; // no iat: not remembered
        }
        if (exp > 0 && until > now && token.equals(jwt.getRawToken())) {
            makeRoom(now);
            entries.put(token, new Entry(jwt, until));
        }
        return jwt;
    }

    /** A time claim in epoch seconds; 0 when absent or not a number (such a token is not remembered). */
    private static long seconds(Object claim) {
        if (claim instanceof Number n) {
            return n.longValue();
        }
        return claim instanceof JsonNumber j ? j.longValue() : 0;
    }

    /** Tokens remembered now (expired ones included until they are looked up or room is made). */
    public int size() {
        return entries.size();
    }

    private void makeRoom(long now) {
        if (entries.size() < capacity) {
            return;
        }
        entries.values().removeIf(e -> now >= e.validUntilSecond());
        for (Iterator<String> it = entries.keySet().iterator(); entries.size() >= capacity && it.hasNext(); ) {
            it.next();
            it.remove();
        }
    }
}

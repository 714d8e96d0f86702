package vn.friendlygov.feedback.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.friendlygov.feedback.config.RateLimitConfig;

/**
 * In-process token buckets, one per client key. Each replica limits on its own: N replicas let a client through
 * N times the rate. A shared limit needs a shared store (see docs/2026-11-26-feedback-rate-limiting.md).
 */
@ApplicationScoped
public class TokenBuckets {

    private final RateLimitConfig config;
    private final Map<String, Bucket> buckets;

    public TokenBuckets(RateLimitConfig config) {
        this.config = config;
        int max = config.maxClients();
        // access-ordered: the least recently seen client is forgotten first, so memory stays bounded
        this.buckets = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > max;
            }
        };
    }

    /** Seconds until the client may try again: 0 when this request may pass. */
    public long tryTake(String client) {
        long now = System.nanoTime();
        Bucket b;
        synchronized (buckets) {
            b = buckets.computeIfAbsent(client, k -> new Bucket(config.burst(), now));
        }
        return b.take(now, config.burst(), config.perSecond());
    }

    static final class Bucket {
        private double tokens;
        private long updated;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updated = now;
        }

        synchronized long take(long now, int burst, double perSecond) {
            tokens = Math.min(burst, tokens + (now - updated) / 1e9 * perSecond);
            updated = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / perSecond));
        }
    }
}

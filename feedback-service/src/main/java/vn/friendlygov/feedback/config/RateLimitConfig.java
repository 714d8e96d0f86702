package vn.friendlygov.feedback.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Token buckets per client on the unauthenticated doors (citizen API, Open311, webhooks). */
@ConfigMapping(prefix = "rate-limit")
public interface RateLimitConfig {

    @WithDefault("true")
    boolean enabled();

    /** Requests a client may make in a burst. */
    @WithDefault("30")
    int burst();

    /** Requests per second a client regains. */
    @WithDefault("1")
    double perSecond();

    /**
     * Take the client address from the first X-Forwarded-For hop. Only behind an ingress that sets it: otherwise
     * any caller could pick a fresh address per request.
     */
    @WithDefault("false")
    boolean trustForwardedFor();

    /** Buckets kept in memory at most; the least recently used are forgotten first. */
    @WithDefault("100000")
    int maxClients();
}

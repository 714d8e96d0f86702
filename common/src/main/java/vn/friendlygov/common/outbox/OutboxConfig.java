package vn.friendlygov.common.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "outbox")
public interface OutboxConfig {

    /** The CloudEvents {@code source} of this service's events, e.g. {@code /friendlygov/criteria-service}. */
    String source();

    /** Rows the relay publishes per round. */
    @WithDefault("200")
    int batchSize();

    /** How long the relay waits for the broker's acknowledgement of one event before it gives up for this round. */
    @WithDefault("15s")
    Duration sendTimeout();

    Relay relay();

    interface Relay {
        /** How often the relay looks for unpublished rows ({@code outbox.relay.interval}, read by its schedule). */
        @WithDefault("1s")
        String interval();
    }

    /** Published rows are kept this long (for audit and replay), then deleted. */
    @WithDefault("7d")
    Duration retention();
}

package vn.friendlygov.feedback.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The ward's Zalo Official Account. Secrets come from the environment (ZALO_*), never from the repository. */
@ConfigMapping(prefix = "zalo")
public interface ZaloConfig {

    /** The ward the OA belongs to; the webhook is off while unset. */
    Optional<String> ward();

    Optional<String> appId();

    Optional<String> oaId();

    /** The OA secret key: signs webhook events. */
    Optional<String> oaSecretKey();

    /** The app secret key: authenticates token refreshes. */
    Optional<String> appSecretKey();

    /** The first refresh token, used once when no token is stored yet. */
    Optional<String> initialRefreshToken();

    /** How far an event's timestamp may be from now before it counts as a replay. */
    @WithDefault("PT5M")
    Duration replayWindow();

    /** The fallback category of chat feedback, until staff categorise it. */
    Optional<String> defaultCategory();
}

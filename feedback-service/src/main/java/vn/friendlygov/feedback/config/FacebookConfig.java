package vn.friendlygov.feedback.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** The ward's Facebook page. Secrets come from the environment (FACEBOOK_*), never from the repository. */
@ConfigMapping(prefix = "facebook")
public interface FacebookConfig {

    /** The ward the page belongs to; the webhook is off while unset. */
    Optional<String> ward();

    /** Signs every event (X-Hub-Signature-256). */
    Optional<String> appSecret();

    /** Chosen by us when subscribing the webhook; Facebook echoes it in the hub.challenge handshake. */
    Optional<String> verifyToken();

    /** The page access token answers are sent with (Send API); answers stay queued while unset. */
    Optional<String> pageAccessToken();

    /** The Graph API version in the Send API's path. */
    @WithDefault("v21.0")
    String graphVersion();
}

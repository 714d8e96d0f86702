package vn.friendlygov.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Typed configuration of the notification service; secrets come from the environment, never from this repo. */
@ConfigMapping(prefix = "notification")
public interface NotificationConfig {

    Delivery delivery();

    Dispatch dispatch();

    Zalo zalo();

    Sms sms();

    Mail mail();

    /** The display name of each ward code, as printed on letters ("phu-lien" → "Phù Liễn"). */
    Map<String, String> wardNames();

    interface Delivery {
        /** How often due messages are looked for ("off" disables the timer). */
        @WithDefault("15s")
        String every();

        /** Attempts per message before it is FAILED and handed to the recipient's next channel. */
        @WithDefault("4")
        int maxAttempts();

        /** First retry delay; doubled after each failed attempt. */
        @WithDefault("1m")
        Duration backoff();

        /** Messages taken per delivery round. */
        @WithDefault("50")
        int batchSize();

        @WithDefault("10s")
        Duration httpTimeout();
    }

    interface Dispatch {
        /** How often due reminders are looked for ("off" disables the timer). */
        @WithDefault("60s")
        String every();

        /** Reminders dispatched per round. */
        @WithDefault("500")
        int batchSize();
    }

    interface Zalo {
        /** Zalo ZNS API, e.g. https://business.openapi.zalo.me */
        @WithDefault("https://business.openapi.zalo.me")
        URI apiUrl();

        /** Zalo OAuth server, e.g. https://oauth.zaloapp.com */
        @WithDefault("https://oauth.zaloapp.com")
        URI oauthUrl();

        Optional<String> appId();

        Optional<String> secretKey();

        /** The first refresh token (later ones are rotated and kept in provider_token). */
        Optional<String> refreshToken();

        /**
         * ZNS template of every message kind that has none of its own in {@link #templates()}; its template_data
         * are {@code title} and {@code content}.
         */
        @WithDefault("0")
        String reminderTemplateId();

        /**
         * ZNS templates by message kind (OVERDUE, ESCALATE_LEADER, DUTY, DIGEST, LETTER, …), as approved by Zalo for
         * the ward's Official Account. A letter goes by Zalo only when a LETTER template is configured.
         */
        Map<String, ZnsTemplate> templates();
    }

    /** One approved ZNS template: its id, and each template_data key with the message field that fills it. */
    interface ZnsTemplate {
        String id();

        /**
         * template_data key → message field ({@code title}, {@code content}, and for letters {@code name},
         * {@code number}, {@code date}, {@code heading}); none given: {@code title} and {@code content}.
         */
        Map<String, String> data();
    }

    interface Sms {
        /** eSMS-style JSON gateway, e.g. https://rest.esms.vn */
        @WithDefault("https://rest.esms.vn")
        URI apiUrl();

        Optional<String> apiKey();

        Optional<String> secretKey();

        @WithDefault("UBND")
        String brandname();
    }

    interface Mail {
        @WithDefault("Chính quyền thân thiện <no-reply@friendlygov.vn>")
        String from();
    }
}

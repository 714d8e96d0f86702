package vn.friendlygov.notification.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import vn.friendlygov.notification.config.NotificationConfig;

/**
 * The Zalo Official Account access token. Zalo answers a refresh with a new access token and a new refresh token
 * (the old one stops working), so both are kept in the database and the refresh holds a row lock: two replicas
 * refreshing at once would otherwise burn each other's refresh token.
 */
@ApplicationScoped
public class ZaloTokens {

    static final String PROVIDER = "zalo";

    private final EntityManager em;
    private final JsonHttp http;
    private final NotificationConfig config;
    private final Clock clock;

    public ZaloTokens(EntityManager em, JsonHttp http, NotificationConfig config, Clock clock) {
        this.em = em;
        this.http = http;
        this.config = config;
        this.clock = clock;
    }

    /** A current access token, refreshed first when there is none or it has expired. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String current() throws IOException, InterruptedException {
        ProviderToken t = em.find(ProviderToken.class, PROVIDER);
        if (t != null && t.accessToken != null && t.expiresAt != null && t.expiresAt.isAfter(OffsetDateTime.now(clock))) {
            return t.accessToken;
        }
        return refresh(t == null ? null : t.accessToken);
    }

    /**
     * Refreshes unless another caller already did since {@code rejected} was read; returns the token to use.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public String refresh(String rejected) throws IOException, InterruptedException {
        ProviderToken t = em.find(ProviderToken.class, PROVIDER, LockModeType.PESSIMISTIC_WRITE);
        if (t == null) {
            t = new ProviderToken();
            t.provider = PROVIDER;
            t.refreshToken = config.zalo().refreshToken().orElse(null);
            em.persist(t);
        } else if (t.accessToken != null && !t.accessToken.equals(rejected) && t.expiresAt != null
                && t.expiresAt.isAfter(OffsetDateTime.now(clock))) {
            return t.accessToken;
        }
        if (t.refreshToken == null || config.zalo().appId().isEmpty() || config.zalo().secretKey().isEmpty()) {
            throw new IllegalStateException("Zalo is not configured (app id, secret key, refresh token)");
        }
        String form = "refresh_token=" + enc(t.refreshToken) + "&app_id=" + enc(config.zalo().appId().get())
                + "&grant_type=refresh_token";
        JsonHttp.Answer a = http.postForm(URI.create(config.zalo().oauthUrl() + "/v4/oa/access_token"),
                Map.of("secret_key", config.zalo().secretKey().get()), form);
        if (a.status() != 200 || a.json() == null || !a.json().hasNonNull("access_token")) {
            throw new IOException("Zalo token refresh refused: HTTP " + a.status() + " " + JsonHttp.truncate(a.body()));
        }
        t.accessToken = a.json().get("access_token").asText();
        t.refreshToken = a.json().path("refresh_token").asText(t.refreshToken);
        // Zalo sends expires_in as a string of seconds; a minute of margin avoids using a token at its last second
        long seconds = Long.parseLong(a.json().path("expires_in").asText("3600"));
        t.expiresAt = OffsetDateTime.now(clock).plusSeconds(Math.max(0, seconds - 60));
        return t.accessToken;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

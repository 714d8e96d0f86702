package vn.friendlygov.feedback.chat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import vn.friendlygov.feedback.config.ZaloConfig;

/**
 * Each OA's access token, refreshed before it expires or when Zalo rejects it. Zalo's refresh tokens are single-use,
 * so the refresh happens under a row lock and the new pair is stored before anyone uses it: two replicas never
 * spend the same refresh token, and a restart keeps the newest one.
 */
@ApplicationScoped
public class ZaloTokens {

    private final ZaloConfig config;
    private final ZaloOAuthApi oauth;
    private final EntityManager em;

    public ZaloTokens(ZaloConfig config, @RestClient ZaloOAuthApi oauth, EntityManager em) {
        this.config = config;
        this.oauth = oauth;
        this.em = em;
    }

    /** A usable access token of the OA. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public String current(String oaId) {
        ZaloToken t = locked(oaId);
        if (t.accessToken == null || t.expiresAt == null
                || t.expiresAt.isBefore(OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(5))) {
            refresh(t);
        }
        return t.accessToken;
    }

    /** A new access token after Zalo rejected {@code rejected}; if another caller already refreshed, that one. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public String replace(String oaId, String rejected) {
        ZaloToken t = locked(oaId);
        if (t.accessToken == null || t.accessToken.equals(rejected)) {
            refresh(t);
        }
        return t.accessToken;
    }

    /**
     * Stores the refresh token an admin registered the OA with (ChatAccountResource); the next send refreshes with
     * it. Replaces what was stored: the admin took a new one from Zalo because the old one no longer works.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void register(String oaId, String refreshToken) {
        ZaloToken t = em.find(ZaloToken.class, oaId, LockModeType.PESSIMISTIC_WRITE);
        boolean fresh = t == null;
        if (fresh) {
            t = new ZaloToken();
            t.oaId = oaId;
        }
        t.refreshToken = refreshToken;
        t.accessToken = null;
        t.expiresAt = null;
        if (fresh) {
            em.persist(t);
        }
    }

    /** Whether a token pair of the OA is stored. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean stored(String oaId) {
        return em.find(ZaloToken.class, oaId) != null;
    }

    private ZaloToken locked(String oa) {
        ZaloToken t = em.find(ZaloToken.class, oa, LockModeType.PESSIMISTIC_WRITE);
        if (t == null) {
            // the configured OA of a one-ward deployment starts from the configured refresh token
            String initial = config.oaId().filter(oa::equals).flatMap(x -> config.initialRefreshToken())
                    .orElseThrow(() -> new IllegalStateException("no Zalo refresh token stored or configured for OA "
                            + oa));
            t = new ZaloToken();
            t.oaId = oa;
            t.refreshToken = initial;
            em.persist(t);
        }
        return t;
    }

    private void refresh(ZaloToken t) {
        ZaloOAuthApi.TokenAnswer a = oauth.refresh(config.appSecretKey().orElseThrow(), config.appId().orElseThrow(),
                t.refreshToken, "refresh_token");
        if (a == null || a.accessToken() == null || a.refreshToken() == null) {
            // the description names the problem; tokens themselves are never logged
            throw new IllegalStateException("Zalo token refresh failed: error "
                    + (a == null ? "?" : a.error() + " " + a.errorDescription()));
        }
        t.accessToken = a.accessToken();
        t.refreshToken = a.refreshToken();
        long seconds = a.expiresIn() == null ? 3600 : Long.parseLong(a.expiresIn().strip());
        t.expiresAt = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(seconds);
    }
}

package vn.friendlygov.notification;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.OffsetDateTime;
import vn.friendlygov.notification.delivery.ProviderToken;

/**
 * Zalo's token row is one for the whole service, and DeliveryTest checks how it is refreshed from nothing: a test
 * that only needs a valid token puts one in and afterwards puts back what was there.
 */
public final class ZaloTestToken {

    private final ProviderToken saved;

    private ZaloTestToken(ProviderToken saved) {
        this.saved = saved;
    }

    public static ZaloTestToken use(String accessToken) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ProviderToken t = ProviderToken.findById("zalo");
            ProviderToken saved = null;
            if (t != null) {
                saved = new ProviderToken();
                saved.provider = t.provider;
                saved.accessToken = t.accessToken;
                saved.refreshToken = t.refreshToken;
                saved.expiresAt = t.expiresAt;
                t.delete();
            }
            ProviderToken mine = new ProviderToken();
            mine.provider = "zalo";
            mine.accessToken = accessToken;
            mine.refreshToken = "unused-refresh-token";
            mine.expiresAt = OffsetDateTime.parse("2099-01-01T00:00:00Z");
            mine.persist();
            return new ZaloTestToken(saved);
        });
    }

    public void restore() {
        QuarkusTransaction.requiringNew().run(() -> {
            ProviderToken.deleteById("zalo");
            if (saved != null) {
                saved.persist();
            }
        });
    }
}

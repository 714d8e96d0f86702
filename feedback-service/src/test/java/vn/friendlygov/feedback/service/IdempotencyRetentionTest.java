package vn.friendlygov.feedback.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.friendlygov.feedback.Clients.citizen;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.friendlygov.feedback.intake.Feedback;

@QuarkusTest
class IdempotencyRetentionTest {

    @Inject
    Idempotency idempotency;

    @Test
    void keysOlderThanTheRetentionAreForgottenAndRecentOnesStillReplay() {
        String old = UUID.randomUUID().toString();
        String recent = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("ward", "phu-lien", "content", "Ống nước vỡ trước số nhà 8 ngõ Chợ Con",
                "category", "KHAC");
        String oldCode = submit(old, body);
        String recentCode = submit(recent, body);
        // as if the first key had been claimed eight days ago (the retention is seven)
        QuarkusTransaction.requiringNew().run(() -> Feedback.getEntityManager()
                .createNativeQuery("update idempotency_key set created_at = now() - interval '8 days' where key = :k")
                .setParameter("k", old).executeUpdate());

        assertTrue(idempotency.forgetExpired() >= 1);

        assertEquals(0L, keys(old));
        assertEquals(1L, keys(recent));
        assertEquals(recentCode, submit(recent, body), "a recent key still replays its first answer");
        assertNotEquals(oldCode, submit(old, body), "a forgotten key is a new request");
    }

    private static String submit(String key, Map<String, Object> body) {
        return citizen().header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/feedback").then().statusCode(201).extract().path("trackingCode");
    }

    private static long keys(String key) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Feedback.getEntityManager()
                .createNativeQuery("select count(*) from idempotency_key where key = :k")
                .setParameter("k", key).getSingleResult()).longValue());
    }
}

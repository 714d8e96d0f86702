package vn.friendlygov.feedback;

import static io.restassured.RestAssured.given;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import vn.friendlygov.feedback.intake.Feedback;
import vn.friendlygov.testsupport.TestTokens;
import vn.friendlygov.testsupport.TopicProbe;

/**
 * Requests as the different callers make them. Each anonymous caller gets its own address (X-Forwarded-For is
 * trusted in the test profile), so that only the rate-limit test meets the limit.
 */
public final class Clients {

    public static final String WARD = "phu-lien";
    /** GeoReport requires UTF-8; RestAssured would otherwise encode form fields as ISO-8859-1. */
    public static final String FORM = "application/x-www-form-urlencoded; charset=UTF-8";
    private static final AtomicInteger NEXT = new AtomicInteger(1);

    private Clients() {
    }

    public static RequestSpecification citizen() {
        int n = NEXT.getAndIncrement();
        return given().header("X-Forwarded-For", "10.1." + (n / 250) + "." + (n % 250 + 1))
                .header("Accept-Language", "en");
    }

    public static RequestSpecification staff(String role, String unit, String ward) {
        return given().auth().oauth2(TestTokens.token(role, unit, ward)).header("Accept-Language", "en");
    }

    public static RequestSpecification officer(String unit) {
        return staff("officer", unit, WARD);
    }

    public static RequestSpecification leader() {
        return staff("leader", "VP", WARD);
    }

    public static long feedbackRows() {
        return QuarkusTransaction.requiringNew().call(() -> Feedback.count());
    }

    public static Feedback byCode(String code) {
        return QuarkusTransaction.requiringNew().call(() -> Feedback.byTrackingCode(code).orElseThrow());
    }

    /** Whether the duplicate sweep has checked a case (it is no longer in the queue). */
    public static boolean duplicateChecked(String code) {
        Feedback f = byCode(code);
        return QuarkusTransaction.requiringNew().call(() -> Feedback.getEntityManager()
                .createNativeQuery("select count(*) from duplicate_check where feedback_id = :id")
                .setParameter("id", f.id).getSingleResult()).equals(0L);
    }

    /** The events of one case on feedback.feedback-events.v1, once {@code count} of them have arrived. */
    public static List<ConsumerRecord<String, String>> eventsOf(String feedbackId, int count) {
        return TopicProbe.readUntil("feedback.feedback-events.v1", Duration.ofSeconds(30),
                rs -> rs.stream().filter(r -> feedbackId.equals(r.key())).count() >= count)
                .stream().filter(r -> feedbackId.equals(r.key())).toList();
    }

    public static String header(ConsumerRecord<String, String> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), java.nio.charset.StandardCharsets.UTF_8);
    }
}

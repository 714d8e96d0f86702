package vn.friendlygov.notification.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.friendlygov.notification.TestEvents.awaitTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import vn.friendlygov.notification.TestEvents;
import vn.friendlygov.notification.inbox.InboxListener;
import vn.friendlygov.notification.inbox.InboxNotification;
import vn.friendlygov.notification.inbox.InboxStream;
import vn.friendlygov.testsupport.TestTokens;

@QuarkusTest
class InboxTest {

    @TestHTTPResource("/api/v1/inbox/stream")
    URI stream;
    @Inject
    InboxListener listener;

    static String evidence(String type, String ward, String unit, String title, String state, String reason) {
        String id = UUID.randomUUID().toString();
        TestEvents.publish(TestEvents.EVIDENCE, id, TestEvents.EVIDENCE_TYPE + type + ".v1", ward,
                "{\"evidenceId\":\"" + id + "\",\"taskId\":\"t-1\",\"ward\":\"" + ward + "\",\"unit\":\"" + unit
                        + "\",\"kind\":\"PHOTO\",\"title\":\"" + title + "\",\"revision\":1,\"state\":\"" + state + "\""
                        + (reason == null ? "" : ",\"reason\":\"" + reason + "\"") + "}");
        return id;
    }

    @Test
    void evidenceEventsReachTheRightInboxesWithUnreadCountsAndMarkingRead() {
        String ward = TestEvents.uniqueWard();
        String submitted = evidence("submitted", ward, "KT", "Ảnh niêm yết quy chế dân chủ", "SUBMITTED", null);
        String rejected = evidence("reviewed", ward, "KT", "Biên bản họp dân thôn Đông", "REJECTED", "Thiếu chữ ký trưởng thôn");
        evidence("reviewed", ward, "KT", "Báo cáo quý I", "ACCEPTED", null);
        awaitTrue(() -> InboxNotification.count("ward", ward) == 3);

        String reviewer = TestTokens.token("reviewer", "VHXH", ward);
        given().auth().oauth2(reviewer).when().get("/api/v1/inbox").then().statusCode(200)
                .body("unread", equalTo(1))
                .body("items[0].title", equalTo("Minh chứng chờ duyệt: Ảnh niêm yết quy chế dân chủ"))
                .body("items[0].subjectId", equalTo(submitted));
        String officer = TestTokens.token("officer", "KT", ward);
        String id = given().auth().oauth2(officer).when().get("/api/v1/inbox").then().statusCode(200)
                .body("unread", equalTo(2))
                .body("items.title", hasItems("Minh chứng bị trả lại: Biên bản họp dân thôn Đông",
                        "Minh chứng được chấp nhận: Báo cáo quý I"))
                .body("items.find { it.subjectId == '" + rejected + "' }.body", equalTo("Thiếu chữ ký trưởng thôn"))
                .extract().path("items.find { it.subjectId == '" + rejected + "' }.id");

        given().auth().oauth2(officer).when().post("/api/v1/inbox/" + id + "/read").then().statusCode(200)
                .body("readAt", notNullValue());
        given().auth().oauth2(officer).when().get("/api/v1/inbox").then().body("unread", equalTo(1));
        // another unit cannot mark it, nor see it
        given().auth().oauth2(reviewer).when().post("/api/v1/inbox/" + id + "/read").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(officer).when().post("/api/v1/inbox/read-all").then().statusCode(200)
                .body("marked", equalTo(1));
        given().auth().oauth2(officer).when().get("/api/v1/inbox").then().body("unread", equalTo(0));
        given().auth().oauth2(reviewer).when().get("/api/v1/inbox").then().body("unread", equalTo(1));
    }

    @Test
    void theLiveStreamPushesANewNotificationOfTheUnitOnly() throws Exception {
        String ward = TestEvents.uniqueWard();
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(stream).header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + TestTokens.token("officer", "TTDVSNC", ward)).GET().build();
        List<String> lines = new CopyOnWriteArrayList<>();
        CompletableFuture<HttpResponse<Stream<String>>> response = client.sendAsync(request,
                HttpResponse.BodyHandlers.ofLines());
        CompletableFuture<Void> reading = response.thenAcceptAsync(r -> {
            assertEquals(200, r.statusCode());
            r.body().forEach(lines::add);
        });
        try {
            // the stream is open once its headers arrived; from then on every new notification is pushed
            response.get(30, TimeUnit.SECONDS);
            String other = evidence("reviewed", ward, "VHXH", "Ảnh không thuộc đơn vị này", "ACCEPTED", null);
            evidence("reviewed", ward, "TTDVSNC", "Bản tin phát thanh tuần 48 — Phù Liễn", "ACCEPTED", null);
            await().atMost(Duration.ofSeconds(30)).until(() -> lines.stream()
                    .anyMatch(l -> l.startsWith("data:") && l.contains("Bản tin phát thanh tuần 48 — Phù Liễn")));
            awaitTrue(() -> InboxNotification.count("subjectId", other) == 1);
            assertEquals(0, lines.stream().filter(l -> l.contains("Ảnh không thuộc đơn vị này")).count());
        } finally {
            reading.cancel(true);
            response.thenAccept(r -> r.body().close());
        }
    }

    static void insert(Connection c, String ward, String unit, String title) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into inbox_notification (id, ward, unit, kind, title, "
                + "source_event_id, created_at) values (?, ?, ?, 'TASK_ASSIGNED', ?, ?, now())")) {
            s.setObject(1, UUID.randomUUID());
            s.setString(2, ward);
            s.setString(3, unit);
            s.setString(4, title);
            s.setString(5, UUID.randomUUID().toString());
            s.executeUpdate();
        }
    }

    static Connection connect() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(null));
    }

    static boolean received(List<String> lines, String title) {
        return lines.stream().anyMatch(l -> l.startsWith("data:") && l.contains(title));
    }

    /**
     * Another replica is another connection to the same database: what it commits reaches this replica's stream
     * (and a second listener, as another replica's would), what it has not committed does not, and the listener
     * comes back after its connection is killed.
     */
    @Test
    void whatAnotherReplicaCommitsReachesEveryReplicasStreamOnlyOnceCommittedEvenAfterTheListenerReconnects()
            throws Exception {
        String ward = TestEvents.uniqueWard();
        InboxStream otherStream = new InboxStream();
        var config = ConfigProvider.getConfig();
        InboxListener otherReplica = new InboxListener(otherStream, new ObjectMapper(),
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getOptionalValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class));
        List<String> heardByOther = new CopyOnWriteArrayList<>();
        otherStream.of(ward, "KT").subscribe().with(e -> heardByOther.add(e.title()));
        otherReplica.start();

        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(stream).header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + TestTokens.token("officer", "KT", ward)).GET().build();
        List<String> lines = new CopyOnWriteArrayList<>();
        CompletableFuture<HttpResponse<Stream<String>>> response = client.sendAsync(request,
                HttpResponse.BodyHandlers.ofLines());
        CompletableFuture<Void> reading = response.thenAcceptAsync(r -> r.body().forEach(lines::add));
        try (Connection open = connect(); Connection other = connect()) {
            response.get(30, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(30)).until(() -> otherReplica.listens() >= 1 && listener.listens() >= 1);
            open.setAutoCommit(false);
            insert(open, ward, "KT", "Việc chưa lưu — Hồ sơ địa chính");
            insert(other, ward, "KT", "Việc đã lưu — Rà soát hộ nghèo");
            await().atMost(Duration.ofSeconds(30)).until(() -> received(lines, "Việc đã lưu — Rà soát hộ nghèo")
                    && heardByOther.contains("Việc đã lưu — Rà soát hộ nghèo"));
            // NOTIFYs are delivered in commit order: the committed one arrived, the open one has not fired
            assertFalse(received(lines, "Việc chưa lưu"));
            assertFalse(heardByOther.stream().anyMatch(t -> t.startsWith("Việc chưa lưu")));
            open.commit();
            await().atMost(Duration.ofSeconds(30)).until(() -> received(lines, "Việc chưa lưu — Hồ sơ địa chính"));

            int before = listener.listens();
            try (var kill = other.createStatement()) {
                kill.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database()"
                        + " and application_name = '" + InboxListener.APPLICATION_NAME + "'");
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> listener.listens() > before);
            insert(other, ward, "KT", "Sau khi kết nối lại — Báo cáo tuần");
            await().atMost(Duration.ofSeconds(30)).until(() -> received(lines, "Sau khi kết nối lại — Báo cáo tuần"));
            assertEquals(1, lines.stream().filter(l -> l.contains("Việc đã lưu — Rà soát hộ nghèo")).count(),
                    "each notification once");
        } finally {
            otherReplica.stop();
            reading.cancel(true);
            response.thenAccept(r -> r.body().close());
        }
    }

    /**
     * Anything on the channel that is not one of ours (here an id that is no UUID, for a unit someone follows) is
     * skipped: the listening thread goes on and the next notification still arrives. The wellness check tells.
     */
    @Test
    void aForeignPayloadOnTheChannelDoesNotStopTheLiveStream() throws Exception {
        String ward = TestEvents.uniqueWard();
        HttpRequest request = HttpRequest.newBuilder(stream).header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + TestTokens.token("officer", "TTPVHCC", ward)).GET().build();
        List<String> lines = new CopyOnWriteArrayList<>();
        CompletableFuture<HttpResponse<Stream<String>>> response = HttpClient.newHttpClient().sendAsync(request,
                HttpResponse.BodyHandlers.ofLines());
        CompletableFuture<Void> reading = response.thenAcceptAsync(r -> r.body().forEach(lines::add));
        try (Connection c = connect(); var s = c.createStatement()) {
            response.get(30, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(30)).until(listener::listening);
            given().when().get("/q/health/well").then().statusCode(200)
                    .body("checks.find { it.name == 'inbox-live-stream' }.status", equalTo("UP"));
            s.execute("select pg_notify('" + InboxListener.CHANNEL + "', '{\"id\":\"not-a-uuid\",\"ward\":\""
                    + ward + "\",\"unit\":\"TTPVHCC\"}')");
            insert(c, ward, "TTPVHCC", "Sau thông báo lạ — Lịch tiếp công dân tháng 12");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> received(lines, "Sau thông báo lạ — Lịch tiếp công dân tháng 12"));
            assertTrue(listener.listening());
        } finally {
            reading.cancel(true);
            response.thenAccept(r -> r.body().close());
        }
    }

    /**
     * A client that reconnects with the last event id it received (as EventSource does) is first sent what changed
     * in its unit's inbox while it was away: new notifications and a summary that gained items, not another unit's,
     * not what changed long before its last event. A malformed Last-Event-ID is a 400 problem.
     */
    @Test
    void aReconnectingClientIsSentWhatChangedSinceItsLastEvent() throws Exception {
        String ward = TestEvents.uniqueWard();
        String token = TestTokens.token("officer", "VP", ward);
        List<String> first = new CopyOnWriteArrayList<>();
        UUID summary = UUID.randomUUID();
        String lastId;
        try (Connection c = connect()) {
            insertChanged(c, UUID.randomUUID(), ward, "VP", "Đã cũ — Lịch trực tháng 11", "now() - interval '1 hour'");
            try (Sse open = Sse.open(stream, token, null, first)) {
                await().atMost(Duration.ofSeconds(30)).until(listener::listening);
                insertChanged(c, summary, ward, "VP", "Kế hoạch CQTT-2026: 1 nhiệm vụ mới được giao", "now()");
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> received(first, "Kế hoạch CQTT-2026: 1 nhiệm vụ mới được giao"));
                lastId = first.stream().filter(l -> l.startsWith("id:")).reduce((a, b) -> b).orElseThrow()
                        .substring(3).trim();
            }
            // while the client is away
            insert(c, ward, "VP", "Khi vắng mặt — Họp giao ban thứ Hai");
            insert(c, ward, "KT", "Đơn vị khác — Kiểm kê tài sản");
            try (var s = c.createStatement()) {
                s.executeUpdate("update inbox_notification set item_count = 2, "
                        + "title = 'Kế hoạch CQTT-2026: 2 nhiệm vụ mới được giao' where id = '" + summary + "'");
            }
        }
        List<String> resumed = new CopyOnWriteArrayList<>();
        try (Sse open = Sse.open(stream, token, lastId, resumed)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> received(resumed, "Khi vắng mặt — Họp giao ban thứ Hai")
                    && received(resumed, "Kế hoạch CQTT-2026: 2 nhiệm vụ mới được giao"));
            assertTrue(resumed.stream().filter(l -> l.contains("2 nhiệm vụ mới")).allMatch(l -> l.contains("\"count\":2")));
            assertFalse(received(resumed, "Đơn vị khác"));
            assertFalse(received(resumed, "Đã cũ — Lịch trực tháng 11"));
            assertEquals(1, resumed.stream().filter(l -> l.contains("Khi vắng mặt")).count(), "each change once");
            // and the resumed stream is live
            try (Connection c = connect()) {
                insert(c, ward, "VP", "Sau khi nối lại — Tiếp công dân");
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> received(resumed, "Sau khi nối lại — Tiếp công dân"));
        }
        given().auth().oauth2(token).header("Last-Event-ID", "hôm-qua").when().get("/api/v1/inbox/stream").then()
                .statusCode(400).contentType("application/problem+json");
    }

    static void insertChanged(Connection c, UUID id, String ward, String unit, String title, String changedAt)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into inbox_notification (id, ward, unit, kind, title, "
                + "source_event_id, created_at, changed_at) values (?, ?, ?, 'PLAN_TASKS_ASSIGNED', ?, ?, now(), "
                + changedAt + ")")) {
            s.setObject(1, id);
            s.setString(2, ward);
            s.setString(3, unit);
            s.setString(4, title);
            s.setString(5, UUID.randomUUID().toString());
            s.executeUpdate();
        }
    }

    /** An open SSE connection whose lines are collected; open once its response headers arrived. */
    record Sse(CompletableFuture<HttpResponse<Stream<String>>> response, CompletableFuture<Void> reading)
            implements AutoCloseable {

        static Sse open(URI stream, String token, String lastEventId, List<String> lines) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(stream).header("Accept", "text/event-stream")
                    .header("Authorization", "Bearer " + token);
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            CompletableFuture<HttpResponse<Stream<String>>> response = HttpClient.newHttpClient()
                    .sendAsync(request.GET().build(), HttpResponse.BodyHandlers.ofLines());
            CompletableFuture<Void> reading = response.thenAcceptAsync(r -> {
                assertEquals(200, r.statusCode());
                r.body().forEach(lines::add);
            });
            response.get(30, TimeUnit.SECONDS);
            return new Sse(response, reading);
        }

        @Override
        public void close() {
            reading.cancel(true);
            response.thenAccept(r -> r.body().close());
        }
    }

    @Test
    void theStreamNeedsAToken() {
        given().when().get("/api/v1/inbox/stream").then().statusCode(401).contentType("application/problem+json");
    }
}

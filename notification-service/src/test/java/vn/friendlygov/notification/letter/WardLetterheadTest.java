package vn.friendlygov.notification.letter;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.friendlygov.notification.TestEvents.awaitTrue;
import static vn.friendlygov.notification.TestEvents.tx;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.awt.geom.Rectangle2D;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.friendlygov.notification.TestClock;
import vn.friendlygov.notification.TestEvents;
import vn.friendlygov.notification.readmodel.WardProfile;
import vn.friendlygov.notification.service.Letterhead;
import vn.friendlygov.testsupport.TestTokens;
import vn.friendlygov.testsupport.TopicProbe;

/** Letters name their issuing body as the city's ward registry describes the ward (criteria.ward-events.v1). */
@QuarkusTest
class WardLetterheadTest {

    static final String WARDS = "criteria.ward-events.v1";
    static final String UPDATED = "vn.friendlygov.criteria.ward.updated.v1";

    @Inject
    TestClock clock;

    @Inject
    Letterhead letterhead;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    static void wardEvent(String code, String kind, String name, long version) {
        TestEvents.publish(WARDS, code, UPDATED, code, "{\"code\":\"" + code + "\",\"kind\":\"" + kind
                + "\",\"name\":\"" + name + "\",\"version\":" + version + "}");
    }

    static WardProfile profile(String code) {
        return tx(() -> WardProfile.findById(code));
    }

    @Test
    void aCommuneOfTheRegistryIssuesItsLettersAsACommune() throws Exception {
        clock.set("2026-12-08T02:00:00Z");
        String ward = TestEvents.uniqueWard();
        wardEvent(ward, "XA", "Tân Tiến", 0);
        awaitTrue(() -> profile(ward) != null);

        String id = given().auth().oauth2(TestTokens.token("officer", "VP", ward)).contentType("application/json")
                .body(Map.of("kind", "THANKS", "recipientName", "Ông Trần Văn Đức", "body", "Xin trân trọng cảm ơn Ông."))
                .when().post("/api/v1/letters").then().statusCode(201).extract().path("id");
        given().auth().oauth2(TestTokens.token("leader", "VP", ward)).contentType("application/json").body("{}")
                .when().post("/api/v1/letters/" + id + "/approve").then().statusCode(200);
        byte[] pdf = given().auth().oauth2(TestTokens.token("officer", "VP", ward)).when()
                .get("/api/v1/letters/" + id + "/pdf").then().statusCode(200).extract().asByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripperByArea areas = new PDFTextStripperByArea();
            areas.addRegion("left", new Rectangle2D.Float(0, 0, 290, 110));
            areas.addRegion("right", new Rectangle2D.Float(290, 0, 305, 110));
            areas.extractRegions(doc.getPage(0));
            assertEquals(List.of("ỦY BAN NHÂN DÂN", "XÃ TÂN TIẾN"),
                    LetterTest.lines(areas.getTextForRegion("left")).subList(0, 2));
            assertEquals("Tân Tiến, ngày 08 tháng 12 năm 2026",
                    LetterTest.lines(areas.getTextForRegion("right")).get(2));
        }
    }

    @Test
    void anOlderVersionNeverBringsBackAnOldNameAndABadEventIsSetAside() {
        String ward = TestEvents.uniqueWard();
        wardEvent(ward, "PHUONG", "Lãm Hà", 3);
        awaitTrue(() -> profile(ward) != null && profile(ward).version == 3);
        wardEvent(ward, "PHUONG", "Kiến An", 2);
        wardEvent(ward, "HUYEN", "Kiến Thụy", 4);
        wardEvent(ward, "DAC_KHU", "Cát Hải", 5);
        awaitTrue(() -> profile(ward).version == 5);
        assertEquals("Cát Hải", profile(ward).name);
        assertEquals("ĐẶC KHU CÁT HẢI", letterhead.of(ward).upper());
        assertEquals("Ủy ban nhân dân đặc khu Cát Hải", letterhead.of(ward).committee());

        List<ConsumerRecord<String, String>> dead = TopicProbe.readUntil("notification.dead-letter.v1",
                Duration.ofSeconds(30), rs -> rs.stream().anyMatch(r -> ward.equals(r.key())));
        ConsumerRecord<String, String> bad = dead.stream().filter(r -> ward.equals(r.key())).findFirst().orElseThrow();
        assertTrue(bad.value().contains("HUYEN"), bad.value());
        String reason = new String(bad.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
        assertTrue(reason.contains("known kind"), reason);
    }

    @Test
    void aWardNotInTheRegistryKeepsTheConfiguredNameAsAWard() {
        assertEquals("PHƯỜNG PHÙ LIỄN", letterhead.of("phu-lien").upper());
        assertEquals("Ủy ban nhân dân phường Phù Liễn", letterhead.of("phu-lien").committee());
        assertEquals("Phường", letterhead.of("somewhere-unknown").kind());
        assertEquals("somewhere-unknown", letterhead.of("somewhere-unknown").name());
    }
}

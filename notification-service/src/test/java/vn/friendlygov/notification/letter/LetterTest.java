package vn.friendlygov.notification.letter;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.friendlygov.notification.TestEvents.awaitTrue;
import static vn.friendlygov.notification.TestEvents.tx;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.awt.geom.Rectangle2D;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.friendlygov.notification.TestClock;
import vn.friendlygov.notification.TestEvents;
import vn.friendlygov.notification.inbox.InboxNotification;
import vn.friendlygov.testsupport.TestTokens;

@QuarkusTest
class LetterTest {

    static final String WARD = "phu-lien";
    static final String BODY = "Ủy ban nhân dân phường Phù Liễn chân thành xin lỗi Bà vì hồ sơ đăng ký hộ kinh doanh "
            + "của Bà đã không được giải quyết đúng thời hạn quy định. Chúng tôi đã khắc phục và trả kết quả ngày 27/11/2026.";

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    static String token(String role) {
        return TestTokens.token(role, "TTPVHCC", WARD);
    }

    static String draft(String kind, String name, String address, String body) {
        return given().auth().oauth2(token("officer")).contentType("application/json")
                .body(Map.of("kind", kind, "recipientName", name, "recipientAddress", address, "body", body))
                .when().post("/api/v1/letters").then().statusCode(201)
                .body("status", equalTo("DRAFT")).extract().path("id");
    }

    @Test
    void aLeaderApprovesADraftWhichIsNumberedIssuedRegisteredAndRenderedWithEveryDiacritic() throws Exception {
        clock.set("2026-11-26T03:00:00Z");
        String id = draft("APOLOGY", "Bà Nguyễn Thị Hoa", "Thôn Phù Liễn, phường Phù Liễn, thành phố Hải Phòng", BODY);

        given().auth().oauth2(token("officer")).contentType("application/json").body("{}")
                .when().post("/api/v1/letters/" + id + "/approve").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token("leader", "VP", "an-lu")).contentType("application/json").body("{}")
                .when().post("/api/v1/letters/" + id + "/approve").then().statusCode(404);

        String number = given().auth().oauth2(token("leader")).contentType("application/json")
                .body(Map.of("signerName", "Nguyễn Văn Bình"))
                .when().post("/api/v1/letters/" + id + "/approve").then().statusCode(200)
                .body("status", equalTo("ISSUED")).body("issuedOn", equalTo("2026-11-26"))
                .extract().path("number");
        assertTrue(number.matches("\\d+/TXL-UBND"), number);
        int n = Integer.parseInt(number.split("/")[0]);
        given().auth().oauth2(token("leader")).contentType("application/json").body("{}")
                .when().post("/api/v1/letters/" + id + "/approve").then().statusCode(409)
                .body("type", equalTo("https://friendlygov.vn/problems/illegal-transition"));
        given().auth().oauth2(token("officer")).contentType("application/json")
                .body(Map.of("recipientName", "x", "body", "y"))
                .when().put("/api/v1/letters/" + id).then().statusCode(409);

        String thanks = draft("THANKS", "Ông Trần Văn Đức", "Thôn Đông", "Xin trân trọng cảm ơn Ông.");
        given().auth().oauth2(token("leader")).contentType("application/json").body("{}")
                .when().post("/api/v1/letters/" + thanks + "/approve").then().statusCode(200)
                .body("number", equalTo((n + 1) + "/TCO-UBND"));
        given().auth().oauth2(token("reviewer")).queryParam("status", "ISSUED").when().get("/api/v1/letters")
                .then().statusCode(200)
                .body("number", hasItems(n + "/TXL-UBND", (n + 1) + "/TCO-UBND"))
                .body("find { it.id == '" + id + "' }.recipientName", equalTo("Bà Nguyễn Thị Hoa"));

        byte[] pdf = given().auth().oauth2(token("officer")).when().get("/api/v1/letters/" + id + "/pdf")
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDPage page = doc.getPage(0);
            for (var name : page.getResources().getFontNames()) {
                PDFont font = page.getResources().getFont(name);
                assertTrue(font.isEmbedded(), font.getName() + " is embedded");
            }
            PDFTextStripperByArea areas = new PDFTextStripperByArea();
            areas.addRegion("left", new Rectangle2D.Float(0, 0, 290, 110));
            areas.addRegion("right", new Rectangle2D.Float(290, 0, 305, 110));
            areas.extractRegions(page);
            assertEquals(List.of("ỦY BAN NHÂN DÂN", "PHƯỜNG PHÙ LIỄN", "Số: " + n + "/TXL-UBND"), lines(areas.getTextForRegion("left")));
            assertEquals(List.of("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                    "Phù Liễn, ngày 26 tháng 11 năm 2026"), lines(areas.getTextForRegion("right")));
            String all = new PDFTextStripper().getText(doc);
            List<String> body = lines(all);
            assertTrue(body.contains("THƯ XIN LỖI"), all);
            assertTrue(body.contains("Kính gửi: Bà Nguyễn Thị Hoa"), all);
            assertTrue(body.contains("Thôn Phù Liễn, phường Phù Liễn, thành phố Hải Phòng"), all);
            int from = body.indexOf("Thôn Phù Liễn, phường Phù Liễn, thành phố Hải Phòng") + 1;
            int to = body.indexOf("TM. ỦY BAN NHÂN DÂN");
            assertEquals(BODY, String.join(" ", body.subList(from, to)), "the wrapped text reads back exactly");
            assertEquals(List.of("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn Bình"), body.subList(to, to + 3));
            assertTrue(Normalizer.isNormalized(all, Normalizer.Form.NFC));
        }
    }

    static List<String> lines(String text) {
        return Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    @Test
    void aDraftWithoutKindOrRecipientIsRefusedWithTheFieldsNamedAndNothingIsCreated() {
        int before = given().auth().oauth2(token("officer")).when().get("/api/v1/letters").then().statusCode(200)
                .extract().path("size()");
        given().auth().oauth2(token("officer")).contentType("application/json").body(Map.of("recipientName", " "))
                .when().post("/api/v1/letters").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItems("kind", "recipientName"));
        given().auth().oauth2(token("officer")).contentType("application/json")
                .body(Map.of("kind", "LOVE_LETTER", "recipientName", "A"))
                .when().post("/api/v1/letters").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("kind"));
        given().auth().oauth2(token("officer")).when().get("/api/v1/letters").then().body("size()", equalTo(before));
    }

    @Test
    void anOverdueFeedbackCaseGetsOneDraftApologyAndAnInboxEntry() {
        String ward = TestEvents.uniqueWard();
        String feedbackId = UUID.randomUUID().toString();
        String json = "{\"feedbackId\":\"" + feedbackId + "\",\"trackingCode\":\"PL-2026-000777\",\"ward\":\"" + ward
                + "\",\"channel\":\"HOTLINE\",\"category\":\"Vệ sinh môi trường\",\"unit\":\"KT\",\"status\":\"OVERDUE\","
                + "\"dueDate\":\"2026-11-20\"}";
        TestEvents.publish(TestEvents.FEEDBACK, feedbackId, TestEvents.FEEDBACK_TYPE + "overdue.v1", ward, json);
        TestEvents.publish(TestEvents.FEEDBACK, feedbackId, TestEvents.FEEDBACK_TYPE + "overdue.v1", ward, json);
        awaitTrue(() -> InboxNotification.count("subjectId", feedbackId) == 2);
        assertEquals(1L, tx(() -> Letter.count("subjectId", feedbackId)));
        given().auth().oauth2(TestTokens.token("leader", "VP", ward)).queryParam("status", "DRAFT")
                .when().get("/api/v1/letters").then().statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].kind", equalTo("APOLOGY"))
                .body("[0].recipientName", equalTo("Công dân có phản ánh mã số PL-2026-000777"))
                .body("[0].createdBy", equalTo("notification-service"));
        given().auth().oauth2(TestTokens.token("officer", "KT", ward)).when().get("/api/v1/inbox").then()
                .body("items.title", hasItems("Phản ánh quá hạn trả lời: PL-2026-000777"));
    }
}

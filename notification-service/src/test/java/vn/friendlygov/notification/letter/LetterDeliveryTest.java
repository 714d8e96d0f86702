package vn.friendlygov.notification.letter;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.friendlygov.notification.TestEvents.awaitTrue;
import static vn.friendlygov.notification.TestEvents.tx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.friendlygov.notification.ProvidersTestResource;
import vn.friendlygov.notification.TestClock;
import vn.friendlygov.notification.TestEvents;
import vn.friendlygov.notification.ZaloTestToken;
import vn.friendlygov.notification.delivery.DeliveryAttempt;
import vn.friendlygov.notification.delivery.DeliveryTest;
import vn.friendlygov.notification.delivery.OutgoingMessage;
import vn.friendlygov.notification.inbox.InboxNotification;
import vn.friendlygov.notification.service.DeliveryService;
import vn.friendlygov.testsupport.TestTokens;

@QuarkusTest
class LetterDeliveryTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String ZALO_TEMPLATE = "/zalo/message/template";

    @Inject
    TestClock clock;
    @Inject
    DeliveryService deliveries;

    ZaloTestToken zalo;

    @BeforeEach
    void zaloToken() {
        zalo = ZaloTestToken.use("letter-token");
    }

    @AfterEach
    void restore() {
        clock.reset();
        zalo.restore();
    }

    void deliverAll() {
        while (deliveries.deliverDue() > 0) {
            // until nothing due is left
        }
    }

    static List<Part> leaves(Part p) throws Exception {
        List<Part> out = new ArrayList<>();
        if (p.getContent() instanceof Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart b = mp.getBodyPart(i);
                out.addAll(leaves(b));
            }
        } else {
            out.add(p);
        }
        return out;
    }

    @Test
    void theApprovedApologyForAnOverdueCaseIsEmailedToTheCitizenWithItsPdfAndTheRegisterSaysSent() throws Exception {
        clock.set("2026-11-27T02:00:00Z");
        String ward = "phu-lien";
        String feedbackId = UUID.randomUUID().toString();
        String json = "{\"feedbackId\":\"" + feedbackId + "\",\"trackingCode\":\"PL-2026-000913\",\"ward\":\"" + ward
                + "\",\"channel\":\"WEB\",\"category\":\"Đất đai\",\"unit\":\"KT\",\"status\":\"OVERDUE\","
                + "\"dueDate\":\"2026-11-20\"}";
        TestEvents.publish(TestEvents.FEEDBACK, feedbackId, TestEvents.FEEDBACK_TYPE + "overdue.v1", ward, json);
        awaitTrue(() -> Letter.count("subjectId", feedbackId) == 1);
        String id = tx(() -> Letter.<Letter>find("subjectId", feedbackId).firstResult().id.toString());

        // staff put in the citizen's name from the case; the leader confirms where the letter goes when approving
        String officer = TestTokens.token("officer", "TTPVHCC", ward);
        String leader = TestTokens.token("leader", "VP", ward);
        String body = "Ủy ban nhân dân phường Phù Liễn chân thành xin lỗi Bà vì phản ánh mã số PL-2026-000913 về đất đai "
                + "của Bà đã không được trả lời đúng thời hạn. Chúng tôi đã trả lời Bà ngày 27/11/2026.";
        given().auth().oauth2(officer).contentType("application/json")
                .body(Map.of("recipientName", "Bà Lê Thị Thu Hường", "recipientAddress", "Tổ dân phố Đông Sơn", "body", body))
                .when().put("/api/v1/letters/" + id).then().statusCode(200);
        given().auth().oauth2(leader).contentType("application/json")
                .body(Map.of("signerName", "Nguyễn Văn Bình", "recipientEmail", "not an address"))
                .when().post("/api/v1/letters/" + id + "/approve").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", org.hamcrest.Matchers.containsString("recipientEmail"));
        given().auth().oauth2(leader).when().get("/api/v1/letters/" + id).then()
                .body("status", org.hamcrest.Matchers.equalTo("DRAFT"));

        String address = "thu-huong-" + feedbackId.substring(0, 8) + "@example.vn";
        String number = given().auth().oauth2(leader).contentType("application/json")
                .body(Map.of("signerName", "Nguyễn Văn Bình", "recipientEmail", address))
                .when().post("/api/v1/letters/" + id + "/approve").then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("ISSUED"))
                .body("recipientEmail", org.hamcrest.Matchers.equalTo(address))
                .body("delivery.state", org.hamcrest.Matchers.equalTo("PENDING"))
                .body("delivery.channel", org.hamcrest.Matchers.equalTo("EMAIL"))
                .extract().path("number");
        deliverAll();

        MimeMessage mail = DeliveryTest.mailTo(address);
        String subject = "Thư xin lỗi số " + number + " của Ủy ban nhân dân phường Phù Liễn";
        assertEquals(subject, mail.getSubject());
        assertTrue(mail.getHeader("Subject")[0].startsWith("=?"), "RFC 2047: " + mail.getHeader("Subject")[0]);
        assertTrue(mail.getContentType().toLowerCase().startsWith("multipart/mixed"), mail.getContentType());
        List<Part> parts = leaves(mail);
        Part text = parts.stream().filter(p -> isType(p, "text/plain")).findFirst().orElseThrow();
        assertTrue(text.getContent().toString().startsWith("Kính gửi: Bà Lê Thị Thu Hường"), text.getContent().toString());
        assertTrue(parts.stream().anyMatch(p -> isType(p, "text/html")));
        Part pdfPart = parts.stream().filter(p -> isType(p, "application/pdf")).findFirst().orElseThrow();
        String fileName = "Thư xin lỗi số " + number.replace('/', '-') + ".pdf";
        assertEquals(Part.ATTACHMENT, pdfPart.getDisposition());
        assertEquals(fileName, MimeUtility.decodeText(pdfPart.getFileName()));
        String disposition = pdfPart.getHeader("Content-Disposition")[0];
        assertTrue(disposition.contains("filename*=UTF-8''Th%C6%B0%20xin%20l%E1%BB%97i%20s%E1%BB%91%20"),
                "RFC 2231 file name: " + disposition);
        byte[] pdf;
        try (InputStream in = pdfPart.getInputStream()) {
            pdf = in.readAllBytes();
        }
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<String> lines = LetterTest.lines(new PDFTextStripper().getText(doc));
            // the number (left) and the place and date (right) share a line of the extracted text
            assertTrue(lines.contains("Số: " + number + " Phù Liễn, ngày 27 tháng 11 năm 2026"), lines.toString());
            assertTrue(lines.contains("THƯ XIN LỖI"), lines.toString());
            assertTrue(lines.contains("Kính gửi: Bà Lê Thị Thu Hường"), lines.toString());
            int from = lines.indexOf("Tổ dân phố Đông Sơn") + 1;
            int to = lines.indexOf("TM. ỦY BAN NHÂN DÂN");
            assertEquals(body, String.join(" ", lines.subList(from, to)));
            assertEquals(List.of("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn Bình"), lines.subList(to, to + 3));
        }

        given().auth().oauth2(officer).queryParam("status", "ISSUED").when().get("/api/v1/letters").then()
                .statusCode(200)
                .body("find { it.id == '" + id + "' }.delivery.state", org.hamcrest.Matchers.equalTo("SENT"))
                .body("find { it.id == '" + id + "' }.delivery.channel", org.hamcrest.Matchers.equalTo("EMAIL"))
                .body("find { it.id == '" + id + "' }.delivery.attempts", org.hamcrest.Matchers.equalTo(1));
        OutgoingMessage m = tx(() -> OutgoingMessage.find("letterId", UUID.fromString(id)).firstResult());
        assertEquals(1L, tx(() -> DeliveryAttempt.count("messageId = ?1 and success = true", m.id)));
        JsonNode event = JSON.readTree(DeliveryTest.event(DeliveryService.TOPIC, m.id,
                "vn.friendlygov.notification.delivery.sent.v1").value());
        assertEquals("LETTER", event.get("kind").asText());
        assertEquals("EMAIL", event.get("channel").asText());
    }

    @Test
    void aLetterForAPhoneOnlyGoesByItsZaloTemplateAndFallsBackToSmsWhenZaloRefusesTheNumber() throws Exception {
        clock.set("2026-11-27T03:00:00Z");
        WireMockServer wm = ProvidersTestResource.wireMock();
        wm.stubFor(post(urlEqualTo(ZALO_TEMPLATE)).withRequestBody(matchingJsonPath("$.phone", equalTo("84933555777")))
                .willReturn(okJson("{\"error\":-108,\"message\":\"Phone number is invalid\"}")));
        wm.stubFor(post(urlEqualTo(DeliveryTest.SMS_PATH)).withRequestBody(matchingJsonPath("$.Phone", equalTo("0933555777")))
                .willReturn(okJson("{\"CodeResult\":\"100\",\"SMSID\":\"sms-42\"}")));
        String ward = "phu-lien";
        String leader = TestTokens.token("leader", "VP", ward);
        String id = LetterTest.draft("COMMENDATION", "Ông Phạm Văn Tài", "Thôn Tây", "Biểu dương sáng kiến thu gom rác.");
        String number = given().auth().oauth2(leader).contentType("application/json")
                .body(Map.of("recipientPhone", "0933555777")).when().post("/api/v1/letters/" + id + "/approve")
                .then().statusCode(200).body("delivery.channel", org.hamcrest.Matchers.equalTo("ZALO"))
                .extract().path("number");
        deliverAll();

        List<LoggedRequest> zalo = wm.findAll(postRequestedFor(urlEqualTo(ZALO_TEMPLATE))
                .withRequestBody(matchingJsonPath("$.phone", equalTo("84933555777"))));
        assertEquals(1, zalo.size(), "a refusal for good is not retried");
        JsonNode z = JSON.readTree(zalo.get(0).getBodyAsString());
        assertEquals("412345", z.get("template_id").asText(), "the LETTER template of the configuration");
        assertEquals("Ông Phạm Văn Tài", z.get("template_data").get("customer_name").asText());
        assertEquals(number, z.get("template_data").get("letter_number").asText());
        assertEquals("27/11/2026", z.get("template_data").get("issued_date").asText());
        assertEquals(3, z.get("template_data").size());
        assertEquals("letter-token", zalo.get(0).getHeader("access_token"));

        List<LoggedRequest> sms = wm.findAll(postRequestedFor(urlEqualTo(DeliveryTest.SMS_PATH))
                .withRequestBody(matchingJsonPath("$.Phone", equalTo("0933555777"))));
        assertEquals(1, sms.size());
        assertEquals("Kính gửi Ông Phạm Văn Tài: Ủy ban nhân dân phường Phù Liễn đã ban hành thư biểu dương số "
                + number + " ngày 27/11/2026. Bản chính xin nhận tại Ủy ban nhân dân phường.",
                JSON.readTree(sms.get(0).getBodyAsString()).get("Content").asText());
        given().auth().oauth2(leader).when().get("/api/v1/letters/" + id).then()
                .body("delivery.state", org.hamcrest.Matchers.equalTo("SENT"))
                .body("delivery.channel", org.hamcrest.Matchers.equalTo("SMS"))
                .body("delivery.attempts", org.hamcrest.Matchers.equalTo(2));
        OutgoingMessage failed = tx(() -> OutgoingMessage.find("letterId = ?1 and channel = 'ZALO'",
                UUID.fromString(id)).firstResult());
        assertEquals("FAILED", failed.status);
        assertEquals("SMS", failed.fallbackChannel);
        assertNotNull(DeliveryTest.event(DeliveryService.DEAD_LETTER_TOPIC, failed.id,
                "vn.friendlygov.notification.delivery.undeliverable.v1"));
    }

    @Test
    void aLetterNoChannelCanCarryIsLeftForPaperTheIssuingUnitIsToldAndALeaderCanSendItAgain() throws Exception {
        clock.set("2026-11-27T04:00:00Z");
        ProvidersTestResource.wireMock().stubFor(post(urlEqualTo(ZALO_TEMPLATE))
                .withRequestBody(matchingJsonPath("$.phone", equalTo("84944000111")))
                .willReturn(okJson("{\"error\":-118,\"message\":\"Zalo account not existed\"}")));
        ProvidersTestResource.wireMock().stubFor(post(urlEqualTo(DeliveryTest.SMS_PATH))
                .withRequestBody(matchingJsonPath("$.Phone", equalTo("0944000111")))
                .willReturn(okJson("{\"CodeResult\":\"104\",\"ErrorMessage\":\"Brandname not registered\"}")));
        String leader = TestTokens.token("leader", "VP", "phu-lien");
        String paper = LetterTest.draft("CONDOLENCE", "Gia đình ông Vũ Văn Hải", "Thôn Bắc", "Xin chia buồn.");
        given().auth().oauth2(leader).contentType("application/json").body("{}")
                .when().post("/api/v1/letters/" + paper + "/approve").then().statusCode(200)
                .body("delivery.state", org.hamcrest.Matchers.equalTo("NOT_SENT"));
        assertEquals(0L, tx(() -> OutgoingMessage.count("letterId", UUID.fromString(paper))));

        String id = LetterTest.draft("THANKS", "Bà Đinh Thị Mến", "Thôn Nam", "Trân trọng cảm ơn Bà.");
        String number = given().auth().oauth2(leader).contentType("application/json")
                .body(Map.of("recipientPhone", "0944000111")).when().post("/api/v1/letters/" + id + "/approve")
                .then().statusCode(200).extract().path("number");
        deliverAll();
        given().auth().oauth2(leader).when().get("/api/v1/letters/" + id).then()
                .body("delivery.state", org.hamcrest.Matchers.equalTo("FAILED"))
                .body("delivery.channel", org.hamcrest.Matchers.equalTo("SMS"));
        given().auth().oauth2(TestTokens.token("officer", "VP", "phu-lien")).when().get("/api/v1/inbox").then()
                .body("items.find { it.subjectId == '" + id + "' }.title",
                        org.hamcrest.Matchers.equalTo("Thư số " + number + " chưa gửi được đến Bà Đinh Thị Mến"));
        assertEquals(1L, tx(() -> InboxNotification.count("subjectId", id)));

        // the leader finds an e-mail address and sends the same letter again
        given().auth().oauth2(TestTokens.token("officer", "VP", "phu-lien")).contentType("application/json")
                .body(Map.of("recipientEmail", "men-" + id.substring(0, 8) + "@example.vn"))
                .when().post("/api/v1/letters/" + id + "/send").then().statusCode(403);
        given().auth().oauth2(leader).contentType("application/json")
                .body(Map.of("recipientEmail", "men-" + id.substring(0, 8) + "@example.vn"))
                .when().post("/api/v1/letters/" + id + "/send").then().statusCode(200)
                .body("delivery.state", org.hamcrest.Matchers.equalTo("PENDING"))
                .body("delivery.channel", org.hamcrest.Matchers.equalTo("EMAIL"))
                .body("number", org.hamcrest.Matchers.equalTo(number));
        deliverAll();
        MimeMessage mail = DeliveryTest.mailTo("men-" + id.substring(0, 8) + "@example.vn");
        assertEquals("Thư cảm ơn số " + number + " của Ủy ban nhân dân phường Phù Liễn", mail.getSubject());
        given().auth().oauth2(leader).when().get("/api/v1/letters/" + id).then()
                .body("delivery.state", org.hamcrest.Matchers.equalTo("SENT"))
                .body("delivery.channel", org.hamcrest.Matchers.equalTo("EMAIL"))
                .body("delivery.attempts", org.hamcrest.Matchers.equalTo(3));
        given().auth().oauth2(leader).contentType("application/json").body("{}")
                .when().post("/api/v1/letters/" + id + "/send").then().statusCode(409)
                .contentType("application/problem+json");
        // a letter without any contact cannot be sent: refused, nothing queued
        given().auth().oauth2(leader).contentType("application/json").body("{}")
                .when().post("/api/v1/letters/" + paper + "/send").then().statusCode(400)
                .contentType("application/problem+json");
        assertEquals(0L, tx(() -> OutgoingMessage.count("letterId", UUID.fromString(paper))));
    }

    static boolean isType(Part p, String type) {
        try {
            return p.getContentType().toLowerCase().startsWith(type);
        } catch (Exception e) {
            return false;
        }
    }
}

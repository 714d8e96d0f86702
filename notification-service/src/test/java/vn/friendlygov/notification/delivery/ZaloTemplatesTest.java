package vn.friendlygov.notification.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.friendlygov.notification.TestEvents.tx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.friendlygov.notification.ProvidersTestResource;
import vn.friendlygov.notification.TestClock;
import vn.friendlygov.notification.TestEvents;
import vn.friendlygov.notification.ZaloTestToken;
import vn.friendlygov.notification.recipient.Recipient;
import vn.friendlygov.notification.service.DeliveryService;
import vn.friendlygov.notification.service.Messages;

/** Which ZNS template a message uses, and what fills its template_data, is configuration per message kind. */
@QuarkusTest
class ZaloTemplatesTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TestClock clock;
    @Inject
    DeliveryService deliveries;
    @Inject
    Messages messages;

    ZaloTestToken zalo;

    @BeforeEach
    void token() {
        zalo = ZaloTestToken.use("templates-token");
    }

    @AfterEach
    void restore() {
        clock.reset();
        zalo.restore();
    }

    JsonNode sentTo(String phone) throws Exception {
        List<LoggedRequest> sent = ProvidersTestResource.wireMock().findAll(postRequestedFor(
                urlEqualTo("/zalo/message/template")).withRequestBody(matchingJsonPath("$.phone", equalTo(phone))));
        assertEquals(1, sent.size());
        return JSON.readTree(sent.get(0).getBodyAsString());
    }

    @Test
    void eachKindUsesItsConfiguredTemplateAndKeysAndAKindWithoutOneTheDefault() throws Exception {
        clock.set("2026-06-04T02:00:00Z");
        ProvidersTestResource.wireMock().stubFor(post(urlEqualTo("/zalo/message/template"))
                .withHeader("access_token", equalTo("templates-token"))
                .willReturn(okJson("{\"error\":0,\"message\":\"Success\",\"data\":{\"msg_id\":\"zns-t\"}}")));
        UUID overdue = message("0911000201", "OVERDUE", "Quá hạn 3 ngày: nhiệm vụ “Kiểm tra vệ sinh an toàn thực phẩm”",
                "Hạn hoàn thành là 01/06/2026.");
        UUID digest = message("0911000202", "DIGEST", "Tổng hợp tuần 08/06/2026 — KT", "- [Quá hạn] Nhiệm vụ: Báo cáo");
        UUID duty = message("0911000203", "DUTY", "Tiếp công dân định kỳ tháng 06/2026", "Lịch tiếp công dân.");
        while (deliveries.deliverDue() > 0) {
            // until nothing due is left
        }

        JsonNode o = sentTo("84911000201");
        assertEquals("298765", o.get("template_id").asText());
        assertEquals(Map.of("task", "Quá hạn 3 ngày: nhiệm vụ “Kiểm tra vệ sinh an toàn thực phẩm”",
                "detail", "Hạn hoàn thành là 01/06/2026."), JSON.convertValue(o.get("template_data"), Map.class));
        assertEquals("SENT", stored(overdue).status);

        JsonNode d = sentTo("84911000202");
        assertEquals("231234", d.get("template_id").asText(), "no DIGEST template: the default one");
        assertEquals(Map.of("title", "Tổng hợp tuần 08/06/2026 — KT", "content", "- [Quá hạn] Nhiệm vụ: Báo cáo"),
                JSON.convertValue(d.get("template_data"), Map.class));
        assertEquals("SENT", stored(digest).status);

        // the DUTY template asks for a field a reminder does not have: refused at once, nothing sent to Zalo
        ProvidersTestResource.wireMock().verify(0, postRequestedFor(urlEqualTo("/zalo/message/template"))
                .withRequestBody(matchingJsonPath("$.phone", equalTo("84911000203"))));
        OutgoingMessage refused = stored(duty);
        assertEquals("FAILED", refused.status);
        assertTrue(refused.lastError.contains("template 298766 wants number"), refused.lastError);
    }

    UUID message(String phone, String kind, String subject, String text) {
        UUID r = DeliveryTest.recipient(TestEvents.uniqueWard(), Map.of("phone", phone, "channels", List.of("ZALO")));
        return tx(() -> messages.create(Recipient.findById(r), Channel.ZALO, "test:" + UUID.randomUUID(), kind,
                subject, text, null, null));
    }

    static OutgoingMessage stored(UUID id) {
        return tx(() -> OutgoingMessage.findById(id));
    }
}

package vn.friendlygov.notification;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * The third parties as real local servers: an SMTP server (GreenMail) that receives what the mailer sends, and an
 * HTTP server (WireMock) standing in for Zalo's API and OAuth servers and the SMS gateway, checking the wire format.
 * The credentials here are test values that only these local servers know.
 */
public class ProvidersTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String ZALO_APP_ID = "test-app-id";
    public static final String ZALO_SECRET = "test-secret-key";
    public static final String ZALO_REFRESH_TOKEN = "refresh-token-1";
    public static final String SMS_API_KEY = "test-sms-key";
    public static final String SMS_SECRET = "test-sms-secret";

    private static GreenMail greenMail;
    private static WireMockServer wireMock;

    public static synchronized GreenMail greenMail() {
        return greenMail;
    }

    public static synchronized WireMockServer wireMock() {
        return wireMock;
    }

    @Override
    public synchronized Map<String, String> start() {
        greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        greenMail.start();
        wireMock = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        wireMock.start();
        String base = "http://127.0.0.1:" + wireMock.port();
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.mailer.host", "127.0.0.1");
        config.put("quarkus.mailer.port", String.valueOf(greenMail.getSmtp().getPort()));
        config.put("notification.zalo.api-url", base + "/zalo");
        config.put("notification.zalo.oauth-url", base + "/zalo-oauth");
        config.put("notification.zalo.app-id", ZALO_APP_ID);
        config.put("notification.zalo.secret-key", ZALO_SECRET);
        config.put("notification.zalo.refresh-token", ZALO_REFRESH_TOKEN);
        config.put("notification.zalo.reminder-template-id", "231234");
        // templates of their own for letters and for overdue reminders, with their own template_data keys
        config.put("notification.zalo.templates.LETTER.id", "412345");
        config.put("notification.zalo.templates.LETTER.data.customer_name", "name");
        config.put("notification.zalo.templates.LETTER.data.letter_number", "number");
        config.put("notification.zalo.templates.LETTER.data.issued_date", "date");
        config.put("notification.zalo.templates.OVERDUE.id", "298765");
        config.put("notification.zalo.templates.OVERDUE.data.task", "title");
        config.put("notification.zalo.templates.OVERDUE.data.detail", "content");
        config.put("notification.zalo.templates.DUTY.id", "298766");
        config.put("notification.zalo.templates.DUTY.data.due_date", "number");
        config.put("notification.sms.api-url", base + "/sms");
        config.put("notification.sms.api-key", SMS_API_KEY);
        config.put("notification.sms.secret-key", SMS_SECRET);
        config.put("notification.delivery.http-timeout", "3s");
        return config;
    }

    @Override
    public synchronized void stop() {
        if (greenMail != null) {
            greenMail.stop();
        }
        if (wireMock != null) {
            wireMock.stop();
        }
    }
}

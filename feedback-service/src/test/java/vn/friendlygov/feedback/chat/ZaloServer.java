package vn.friendlygov.feedback.chat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** A local HTTP server standing in for Zalo's OAuth and OpenAPI hosts and Facebook's Graph API; tests stub it and check what it received. */
public class ZaloServer implements QuarkusTestResourceLifecycleManager {

    static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        String url = "http://127.0.0.1:" + server.port();
        return Map.of("quarkus.rest-client.zalo-oauth.url", url, "quarkus.rest-client.zalo-openapi.url", url,
                "quarkus.rest-client.facebook-graph.url", url);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}

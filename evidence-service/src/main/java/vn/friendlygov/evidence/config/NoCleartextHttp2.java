package vn.friendlygov.evidence.config;

import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Refuses the cleartext HTTP/2 upgrade (h2c). The body of an HTTP/1.1 request that asks to upgrade is aggregated in
 * memory before the switch, so a 1 GB upload sent that way (Java's own HttpClient does it by default) would sit in
 * the heap. Such clients simply continue in HTTP/1.1, where uploads stream to disk. Browsers never use h2c, and
 * HTTP/2 over TLS (ALPN) is unaffected.
 */
@ApplicationScoped
public class NoCleartextHttp2 implements HttpServerOptionsCustomizer {

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        options.setHttp2ClearTextEnabled(false);
    }
}

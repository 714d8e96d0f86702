package vn.friendlygov.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * The real infrastructure for a service's {@code @QuarkusTest}s: the in-JVM Kafka broker, a fresh PostgreSQL
 * database for this run (dropped at the end), and trust in {@link TestTokens}' signing key.
 * Register it once per module with {@code @QuarkusTestResource(value = PlatformTestResource.class,
 * initArgs = @ResourceArg(name = "service", value = "criteria"))}.
 */
public class PlatformTestResource implements QuarkusTestResourceLifecycleManager {

    private String service = "svc";
    private FreshDatabase database;

    @Override
    public void init(Map<String, String> initArgs) {
        service = initArgs.getOrDefault("service", service);
    }

    @Override
    public Map<String, String> start() {
        String bootstrap = InJvmKafka.start();
        database = FreshDatabase.create(service);
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", database.jdbcUrl());
        config.put("quarkus.datasource.username", FreshDatabase.user());
        config.put("quarkus.datasource.password", FreshDatabase.password());
        config.put("kafka.bootstrap.servers", bootstrap);
        config.put("mp.jwt.verify.publickey", TestTokens.publicKeyBase64());
        config.put("mp.jwt.verify.issuer", TestTokens.ISSUER);
        config.put("test.database.name", database.name());
        return config;
    }

    @Override
    public void stop() {
        if (database != null) {
            database.close();
        }
    }
}

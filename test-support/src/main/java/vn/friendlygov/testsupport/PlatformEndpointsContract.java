package vn.friendlygov.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * What every service must serve to operators and front ends, checked the same way in each module:
 * readiness that includes the database and Kafka, Prometheus metrics, OpenAPI and Swagger UI, problem+json errors,
 * and bearer-token authentication that remembers a verified token but still refuses every altered one.
 */
public abstract class PlatformEndpointsContract {

    @Inject
    JWTParser parser;

    private static final String UNIT = "VP";
    private static final String WARD = "platform-ward";

    private final String protectedPath;
    private final String authorisedRole;

    /**
     * @param protectedPath a GET of this service that needs a bearer token (any answer but 401/403 for
     *     {@code authorisedRole})
     * @param authorisedRole a role that may call it; the tokens carry it with unit {@code VP} of ward
     *     {@code platform-ward}
     */
    protected PlatformEndpointsContract(String protectedPath, String authorisedRole) {
        this.protectedPath = protectedPath;
        this.authorisedRole = authorisedRole;
    }


    @Test
    void readinessIsUpAndCoversTheDatabaseAndKafka() {
        given().when().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check"));
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void prometheusMetricsAreServed() {
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void openApiAndSwaggerUiAreServed() {
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body("openapi", org.hamcrest.Matchers.startsWith("3."));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void unknownApiPathIsAProblemDocument() {
        given().header("Accept-Language", "en").when().get("/api/v1/no-such-resource").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("title", equalTo("Not found"));
    }

    @Test
    void verifiedTokensAreRememberedAndAlteredOnesStillRefused() throws Exception {
        String token = TestTokens.token(authorisedRole, UNIT, WARD);
        int allowed = given().auth().oauth2(token).when().get(protectedPath).then().extract().statusCode();
        assertNotEquals(401, allowed);
        assertNotEquals(403, allowed);
        assertSame(parser.parse(token), parser.parse(token), "the service's parser serves a remembered token");

        // the remembered token's claims made city-wide admin, with its signature: refused
        String[] parts = token.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String admin = claims.replace("\"" + authorisedRole + "\"", "\"admin\"");
        assertNotEquals(claims, admin);
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(admin.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        given().auth().oauth2(forged).when().get(protectedPath).then().statusCode(401);
        given().auth().oauth2(token.substring(0, token.length() - 2)).when().get(protectedPath).then()
                .statusCode(401);
        given().auth().oauth2(TestTokens.foreignToken(authorisedRole, UNIT, WARD)).when().get(protectedPath)
                .then().statusCode(401);
        assertEquals(allowed, given().auth().oauth2(token).when().get(protectedPath).then().extract().statusCode());
    }
}

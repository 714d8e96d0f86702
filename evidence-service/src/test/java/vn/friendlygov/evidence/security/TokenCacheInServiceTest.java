package vn.friendlygov.evidence.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import vn.friendlygov.evidence.Fixtures;
import vn.friendlygov.testsupport.TestTokens;

/** The service's bearer-token authentication goes through the verified-token cache, and still refuses what it must. */
@QuarkusTest
class TokenCacheInServiceTest {

    @Inject
    JWTParser parser;

    @Test
    void theServiceRemembersVerifiedTokensAndStillRefusesTamperedOnes() throws Exception {
        String token = TestTokens.token("leader", null, Fixtures.WARD);
        String report = "/api/v1/reports/tasks-without-evidence?days=3";
        given().auth().oauth2(token).when().get(report).then().statusCode(200);
        given().auth().oauth2(token).when().get(report).then().statusCode(200);
        assertSame(parser.parse(token), parser.parse(token), "the decorator serves a remembered token");

        // the same claims made city-wide admin, with the remembered token's signature: refused
        String[] parts = token.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"leader\"", "\"admin\"");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        given().auth().oauth2(forged).when().get(report).then().statusCode(401);
        given().auth().oauth2(token.substring(0, token.length() - 2)).when().get(report).then().statusCode(401);
        given().auth().oauth2(TestTokens.foreignToken("leader", "VHXH", Fixtures.WARD)).when().get(report).then()
                .statusCode(401);
        given().auth().oauth2(token).when().get(report).then().statusCode(200);
    }
}

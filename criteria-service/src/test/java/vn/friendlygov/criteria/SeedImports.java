package vn.friendlygov.criteria;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import vn.friendlygov.criteria.plan.parse.SeedPlan;
import vn.friendlygov.testsupport.TestTokens;

/** Imports the real seed plan for a ward through the API (idempotent, so every test class may call it). */
public final class SeedImports {

    private SeedImports() {
    }

    private static final java.util.Set<String> IMPORTED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** For {@code @BeforeEach}: the app is up by then (not in a static {@code @BeforeAll}); imports once per JVM. */
    public static void importSeedOnce(String ward) {
        if (IMPORTED.add(ward)) {
            importSeed(ward);
        }
    }

    public static ExtractableResponse<Response> importSeed(String ward) {
        return importText(ward, SeedPlan.text());
    }

    public static ExtractableResponse<Response> importText(String ward, String text) {
        return given().auth().oauth2(TestTokens.token("leader", "VP", ward)).contentType("text/plain; charset=utf-8")
                .body(text.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/api/v1/plans/import?ward=" + ward + "&year=2026")
                .then().statusCode(anyOf(is(200), is(201))).extract();
    }
}

package vn.friendlygov.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import org.junit.jupiter.api.Test;

/**
 * What every service must serve to operators and front ends, checked the same way in each module:
 * readiness that includes the database and Kafka, Prometheus metrics, OpenAPI and Swagger UI, problem+json errors.
 */
public abstract class PlatformEndpointsContract {

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
}

package vn.friendlygov.criteria;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import vn.friendlygov.testsupport.PlatformEndpointsContract;

@QuarkusTest
class PlatformEndpointsTest extends PlatformEndpointsContract {

    /** No such task: 404 after authentication. */
    PlatformEndpointsTest() {
        super("/api/v1/tasks/" + UUID.randomUUID(), "officer");
    }
}

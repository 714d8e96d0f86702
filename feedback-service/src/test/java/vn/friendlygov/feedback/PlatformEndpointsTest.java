package vn.friendlygov.feedback;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import vn.friendlygov.testsupport.PlatformEndpointsContract;

@QuarkusTest
class PlatformEndpointsTest extends PlatformEndpointsContract {

    /** No such case: 404 after authentication. */
    PlatformEndpointsTest() {
        super("/api/v1/staff/feedback/" + UUID.randomUUID(), "officer");
    }
}

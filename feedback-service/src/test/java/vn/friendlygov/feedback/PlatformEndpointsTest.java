package vn.friendlygov.feedback;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import vn.friendlygov.testsupport.PlatformEndpointsContract;

@QuarkusTest
class PlatformEndpointsTest extends PlatformEndpointsContract {

    /** No such case: 404 after authentication. */
    @Override
    protected String protectedPath() {
        return "/api/v1/staff/feedback/" + UUID.randomUUID();
    }

    @Override
    protected String authorisedRole() {
        return "officer";
    }
}

package vn.friendlygov.criteria;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import vn.friendlygov.testsupport.PlatformEndpointsContract;

@QuarkusTest
class PlatformEndpointsTest extends PlatformEndpointsContract {

    /** No such task: 404 after authentication. */
    @Override
    protected String protectedPath() {
        return "/api/v1/tasks/" + UUID.randomUUID();
    }

    @Override
    protected String authorisedRole() {
        return "officer";
    }
}

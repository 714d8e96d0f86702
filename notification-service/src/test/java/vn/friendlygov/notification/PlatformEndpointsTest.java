package vn.friendlygov.notification;

import io.quarkus.test.junit.QuarkusTest;
import vn.friendlygov.testsupport.PlatformEndpointsContract;

@QuarkusTest
class PlatformEndpointsTest extends PlatformEndpointsContract {

    /** The caller's inbox. */
    @Override
    protected String protectedPath() {
        return "/api/v1/inbox";
    }

    @Override
    protected String authorisedRole() {
        return "officer";
    }
}

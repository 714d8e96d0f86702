package vn.friendlygov.notification;

import io.quarkus.test.junit.QuarkusTest;
import vn.friendlygov.testsupport.PlatformEndpointsContract;

@QuarkusTest
class PlatformEndpointsTest extends PlatformEndpointsContract {

    /** The caller's inbox. */
    PlatformEndpointsTest() {
        super("/api/v1/inbox", "officer");
    }
}

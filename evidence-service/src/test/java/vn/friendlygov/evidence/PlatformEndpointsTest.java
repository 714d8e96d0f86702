package vn.friendlygov.evidence;

import io.quarkus.test.junit.QuarkusTest;
import vn.friendlygov.testsupport.PlatformEndpointsContract;

@QuarkusTest
class PlatformEndpointsTest extends PlatformEndpointsContract {

    /** The ward's report. */
    PlatformEndpointsTest() {
        super("/api/v1/reports/tasks-without-evidence?days=3", "leader");
    }
}

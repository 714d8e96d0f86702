package vn.friendlygov.evidence;

import io.quarkus.test.junit.QuarkusTest;
import vn.friendlygov.testsupport.PlatformEndpointsContract;

@QuarkusTest
class PlatformEndpointsTest extends PlatformEndpointsContract {

    /** The ward report. */
    @Override
    protected String protectedPath() {
        return "/api/v1/reports/tasks-without-evidence?days=3";
    }

    @Override
    protected String authorisedRole() {
        return "leader";
    }
}

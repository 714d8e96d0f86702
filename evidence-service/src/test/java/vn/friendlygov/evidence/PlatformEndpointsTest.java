package vn.friendlygov.evidence;

import io.quarkus.test.junit.QuarkusTest;
import vn.friendlygov.testsupport.PlatformEndpointsContract;

@QuarkusTest
class PlatformEndpointsTest extends PlatformEndpointsContract {
}

package vn.friendlygov.feedback;

import io.quarkus.test.junit.QuarkusTest;
import vn.friendlygov.testsupport.PlatformEndpointsContract;

@QuarkusTest
class PlatformEndpointsTest extends PlatformEndpointsContract {
}

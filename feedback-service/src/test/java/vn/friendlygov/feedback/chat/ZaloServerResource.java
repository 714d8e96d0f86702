package vn.friendlygov.feedback.chat;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers {@link ZaloServer} for every test of the module (one Quarkus start for all). */
@QuarkusTestResource(ZaloServer.class)
public class ZaloServerResource {
}

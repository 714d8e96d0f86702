package vn.friendlygov.evidence;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import vn.friendlygov.testsupport.PlatformTestResource;

/** Every test of this module runs against the real in-JVM Kafka broker and a fresh PostgreSQL database. */
@QuarkusTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "evidence"))
public class TestInfrastructure {
}

package vn.friendlygov.notification;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers the local SMTP and HTTP servers for every test of this module. */
@QuarkusTestResource(ProvidersTestResource.class)
public class ProvidersInfrastructure {
}

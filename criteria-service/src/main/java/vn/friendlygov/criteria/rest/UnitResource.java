package vn.friendlygov.criteria.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import vn.friendlygov.common.security.Roles;
import vn.friendlygov.criteria.plan.Unit;

/** The canonical units every plan's spellings are mapped to. */
@Path("/api/v1/units")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OFFICER, Roles.REVIEWER, Roles.LEADER, Roles.ADMIN})
public class UnitResource {

    public record UnitView(String code, String name) {
    }

    @GET
    public List<UnitView> list() {
        return Unit.<Unit>list("order by position").stream().map(u -> new UnitView(u.code, u.name)).toList();
    }
}

package vn.friendlygov.criteria.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import vn.friendlygov.common.rest.IfMatch;
import vn.friendlygov.common.security.Actor;
import vn.friendlygov.common.security.Roles;
import vn.friendlygov.criteria.messaging.WardEvents;
import vn.friendlygov.criteria.service.WardRegistry;
import vn.friendlygov.criteria.ward.Ward;
import vn.friendlygov.criteria.ward.WardHistoryEntry;
import vn.friendlygov.criteria.ward.WardKind;

/**
 * The city's registry of wards, communes and special zones: what the letters print as the issuing body and place,
 * and the office's contacts. {@code PUT} registers (201) or edits (200) a ward, with its ETag; {@code If-Match} is
 * honoured (stale is 412).
 */
@Path("/api/v1/wards")
@Produces(MediaType.APPLICATION_JSON)
public class WardResource {

    static final String CODE = "[a-z0-9-]{2,100}";

    public record WardRequest(
            @NotNull @Pattern(regexp = "PHUONG|XA|DAC_KHU", message = "must be PHUONG, XA or DAC_KHU") String kind,
            @NotBlank @Size(max = 100) @Pattern(regexp = "[^<>\\p{Cntrl}]*", message = "must be plain text") String name,
            @Size(max = 100) @Pattern(regexp = "[^<>\\p{Cntrl}]*", message = "must be plain text") String province,
            @Size(max = 300) @Pattern(regexp = "[^<>\\p{Cntrl}]*", message = "must be plain text") String address,
            @Size(max = 30) @Pattern(regexp = "[0-9+ ().-]*", message = "digits, spaces and + ( ) . - only") String phone,
            @Size(max = 200) @Email String email) {
    }

    public record WardView(String code, String kind, String kindLabel, String name, String displayName,
            String province, String address, String phone, String email, long version, OffsetDateTime updatedAt,
            String updatedBy) {

        static WardView of(Ward w) {
            return new WardView(w.code, w.kind.name(), w.kind.label(), w.name, w.kind.label() + " " + w.name,
                    w.province, w.address, w.phone, w.email, w.version, w.updatedAt, w.updatedBy);
        }
    }

    public record WardChange(long version, OffsetDateTime changedAt, String changedBy, WardEvents.WardProfile profile) {
    }

    private final WardRegistry registry;
    private final Actor actor;
    private final ObjectMapper json;

    public WardResource(WardRegistry registry, Actor actor, ObjectMapper json) {
        this.registry = registry;
        this.actor = actor;
        this.json = json;
    }

    /** The city admin sees every ward; everyone else the one they act for. */
    @GET
    @RolesAllowed({Roles.OFFICER, Roles.REVIEWER, Roles.LEADER, Roles.ADMIN})
    public List<WardView> list() {
        return registry.list(actor).stream().map(WardView::of).toList();
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.OFFICER, Roles.REVIEWER, Roles.LEADER, Roles.ADMIN})
    public Response get(@PathParam("code") @Pattern(regexp = CODE) String code) {
        Ward w = registry.get(actor, code);
        return Response.ok(WardView.of(w)).tag(etag(w)).build();
    }

    /** Each change with who made it and the profile it left (oldest first). */
    @GET
    @Path("/{code}/history")
    @RolesAllowed({Roles.LEADER, Roles.ADMIN})
    public List<WardChange> history(@PathParam("code") @Pattern(regexp = CODE) String code)
            throws JsonProcessingException {
        List<WardChange> changes = new ArrayList<>();
        for (WardHistoryEntry h : registry.history(actor, code)) {
            changes.add(new WardChange(h.version, h.changedAt, h.changedBy,
                    json.readValue(h.profile, WardEvents.WardProfile.class)));
        }
        return changes;
    }

    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public Response put(@PathParam("code") @Pattern(regexp = CODE) String code,
            @HeaderParam("If-Match") String ifMatch, @Valid @NotNull WardRequest body) {
        WardRegistry.Saved saved = registry.put(actor, code, new WardRegistry.Profile(WardKind.valueOf(body.kind()),
                body.name(), body.province(), body.address(), body.phone(), body.email()), IfMatch.version(ifMatch));
        return Response.status(saved.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(WardView.of(saved.ward())).tag(etag(saved.ward())).build();
    }

    static EntityTag etag(Ward w) {
        return new EntityTag(Long.toString(w.version));
    }
}

package vn.friendlygov.feedback.open311;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import vn.friendlygov.common.problem.ProblemException;
import vn.friendlygov.common.security.Actor;
import vn.friendlygov.common.security.Roles;

/** API keys of Open311 clients, managed by admins. A key is shown once, at creation; only its hash is kept. */
@Path("/api/v1/admin/open311-clients")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class Open311ClientResource {

    public record ClientRequest(@NotBlank @Size(max = 200) String name, @Size(max = 100) String ward) {
    }

    public record ClientView(UUID id, String name, String ward, Instant createdAt, Instant revokedAt, String apiKey) {
        static ClientView of(Open311Client c, String apiKey) {
            return new ClientView(c.id, c.name, c.ward, c.createdAt.toInstant(),
                    c.revokedAt == null ? null : c.revokedAt.toInstant(), apiKey);
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private final Actor actor;
    private final Open311Keys keys;

    public Open311ClientResource(Actor actor, Open311Keys keys) {
        this.actor = actor;
        this.keys = keys;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Response create(@NotNull @Valid ClientRequest request) {
        if (request.ward() == null && !actor.isCityAdmin()) {
            throw ProblemException.invalid("ward", "only a city-wide admin may create a key for every ward");
        }
        if (request.ward() != null) {
            actor.requireWard(request.ward());
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String apiKey = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Open311Client c = new Open311Client();
        c.id = UUID.randomUUID();
        c.name = request.name();
        c.ward = request.ward();
        c.keyHash = Open311Client.hash(apiKey);
        c.createdBy = actor.id();
        c.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        c.persist();
        return Response.status(201).entity(ClientView.of(c, apiKey)).build();
    }

    @GET
    @Transactional
    public List<ClientView> list() {
        List<Open311Client> clients = actor.isCityAdmin() ? Open311Client.listAll()
                : Open311Client.list("ward", actor.ward());
        return clients.stream().map(c -> ClientView.of(c, null)).toList();
    }

    @DELETE
    @Path("/{id}")
    @Transactional
    public ClientView revoke(@PathParam("id") UUID id) {
        Open311Client c = Open311Client.findById(id);
        if (c == null || (!actor.isCityAdmin() && (c.ward == null || !c.ward.equals(actor.ward())))) {
            throw ProblemException.notFound("Open311 client", id);
        }
        if (c.revokedAt == null) {
            c.revokedAt = OffsetDateTime.now(ZoneOffset.UTC);
            keys.revoked();
        }
        return ClientView.of(c, null);
    }
}

package vn.friendlygov.feedback.open311;

import static vn.friendlygov.feedback.open311.Open311Render.fields;

import jakarta.annotation.security.PermitAll;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import vn.friendlygov.common.problem.ProblemException;
import vn.friendlygov.feedback.intake.Category;
import vn.friendlygov.feedback.intake.Feedback;
import vn.friendlygov.feedback.ratelimit.RateLimited;
import vn.friendlygov.feedback.service.CategoryCache;
import vn.friendlygov.feedback.service.Idempotency;
import vn.friendlygov.feedback.service.IntakeBatcher;

/**
 * Open311 GeoReport v2: discovery, services and their definitions, posting and following service requests, in
 * JSON or XML by the path's suffix; errors in the spec's own format. {@code jurisdiction_id} is the ward.
 */
@Path("/open311/v2")
@PermitAll
@RateLimited
public class Open311Resource {

    private static final Logger LOG = Logger.getLogger(Open311Resource.class);

    private final Open311Catalogue catalogue;
    private final Open311Requests requests;
    private final Open311Intake intake;
    private final Idempotency idempotency;
    private final IntakeBatcher batcher;
    private final CategoryCache categories;
    private final Open311Keys keys;

    public Open311Resource(Open311Catalogue catalogue, Open311Requests requests, Open311Intake intake,
            Idempotency idempotency, IntakeBatcher batcher, CategoryCache categories, Open311Keys keys) {
        this.keys = keys;
        this.batcher = batcher;
        this.categories = categories;
        this.catalogue = catalogue;
        this.requests = requests;
        this.intake = intake;
        this.idempotency = idempotency;
    }

    @GET
    @Path("/discovery.{format}")
    public Response discovery(@PathParam("format") String format, UriInfo uri) {
        String base = uri.getBaseUriBuilder().path("open311/v2/").build().toString();
        var endpoint = fields("specification", "http://wiki.open311.org/GeoReport_v2", "url", base,
                "changeset", "2026-11-26T00:00:00+07:00", "type", "production",
                "formats", List.of("application/json", "text/xml"));
        return Open311Render.render(format(format), "discovery", null, fields("changeset",
                "2026-11-26T00:00:00+07:00", "contact", "Văn phòng HĐND và UBND phường",
                "key_service", "Khóa API do quản trị viên cấp", "endpoints", List.of(endpoint)), 200);
    }

    @GET
    @Path("/services.{format}")
    @Transactional
    public Response services(@PathParam("format") String format, @QueryParam("jurisdiction_id") String ward) {
        String f = format(format);
        return Open311Render.render(f, "services", "service", catalogue.services(jurisdiction(ward)), 200);
    }

    @GET
    @Path("/services/{code: [^/.]+}.{format}")
    @Transactional
    public Response definition(@PathParam("code") String code, @PathParam("format") String format,
            @QueryParam("jurisdiction_id") String ward) {
        String f = format(format);
        Category c = Category.active(jurisdiction(ward), code)
                .orElseThrow(() -> new Open311Exception(404, "service_code " + code + " not found"));
        return Open311Render.render(f, "service_definition", null, catalogue.definition(c), 200);
    }

    @POST
    @Path("/requests.{format}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response post(@PathParam("format") String format, MultivaluedMap<String, String> form,
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        String f = format(format);
        Open311Keys.Client client = keys.byKey(form.getFirst("api_key"))
                .orElseThrow(() -> new Open311Exception(403, "api_key is missing or invalid"));
        String ward = form.getFirst("jurisdiction_id") != null ? form.getFirst("jurisdiction_id") : client.ward();
        ward = jurisdiction(ward);
        if (!client.serves(ward)) {
            throw new Open311Exception(403, "this api_key is not valid for jurisdiction " + ward);
        }
        Open311Intake.Posted posted = intake.parse(form);
        Feedback prepared = intake.prepare(ward, client, posted);
        Idempotency.Claim claim = idempotencyKey == null ? null
                : idempotency.claimFor("open311:" + client.id(), idempotencyKey, posted);
        var accepted = batcher.submit(prepared, claim, Open311Intake::answerOf, Open311Intake.Answer.class);
        return Open311Render.render(f, "service_requests", "request", List.of(accepted.answer().fields()), 201);
    }

    @GET
    @Path("/requests.{format}")
    @Transactional
    public Response list(@PathParam("format") String format, @QueryParam("jurisdiction_id") String ward,
            @QueryParam("service_request_id") String ids, @QueryParam("service_code") String serviceCode,
            @QueryParam("start_date") String start, @QueryParam("end_date") String end,
            @QueryParam("status") String status) {
        String f = format(format);
        String w = jurisdiction(ward);
        var found = requests.search(w, Open311Intake.idList(ids), serviceCode, Open311Intake.date("start_date", start),
                Open311Intake.date("end_date", end), Open311Intake.statuses(status));
        return Open311Render.render(f, "service_requests", "request", found.stream().map(requests::view).toList(), 200);
    }

    @GET
    @Path("/requests/{id: [^/.]+}.{format}")
    @Transactional
    public Response one(@PathParam("id") String id, @PathParam("format") String format,
            @QueryParam("jurisdiction_id") String ward) {
        String f = format(format);
        Feedback fb = Feedback.byTrackingCode(id).filter(x -> ward == null || x.ward.equals(ward))
                .orElseThrow(() -> new Open311Exception(404, "service_request_id " + id + " not found"));
        return Open311Render.render(f, "service_requests", "request", List.of(requests.view(fb)), 200);
    }

    @GET
    @Path("/tokens/{token: [^/.]+}.{format}")
    @Transactional
    public Response token(@PathParam("token") String token, @PathParam("format") String format) {
        String f = format(format);
        UUID id;
        try {
            id = UUID.fromString(token);
        } catch (IllegalArgumentException e) {
            throw new Open311Exception(404, "token " + token + " not found");
        }
        Feedback fb = Optional.ofNullable(Feedback.<Feedback>findById(id))
                .orElseThrow(() -> new Open311Exception(404, "token " + token + " not found"));
        return Open311Render.render(f, "service_requests", "request",
                List.of(fields("service_request_id", fb.trackingCode, "token", token)), 200);
    }

    @ServerExceptionMapper
    public Response open311(Open311Exception e, UriInfo uri) {
        return Open311Errors.response(formatOf(uri), e.status(), e.getMessage());
    }

    /** Intake's validation (phone, text, category) answered in GeoReport's format, naming the fields. */
    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        String detail = e.violations().isEmpty() ? e.getMessage() : String.join("; ", e.violations().stream()
                .map(v -> Open311Intake.paramOf(v.field()) + ": " + v.message()).toList());
        return Open311Errors.response(formatOf(uri), e.type().status(), detail);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        return Open311Errors.response(formatOf(uri), status, status == 415
                ? "POST requests as application/x-www-form-urlencoded" : "request not accepted");
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(RuntimeException e, UriInfo uri) {
        LOG.error("Open311 request failed", e);
        return Open311Errors.response(formatOf(uri), 500, "internal error");
    }

    private String jurisdiction(String ward) {
        if (ward == null || ward.isBlank()) {
            throw new Open311Exception(400, "jurisdiction_id is required");
        }
        if (!categories.knows(ward)) {
            throw new Open311Exception(404, "jurisdiction_id " + ward + " not found");
        }
        return ward;
    }

    private static String format(String format) {
        if (!"json".equals(format) && !"xml".equals(format)) {
            throw new Open311Exception(400, "response format must be json or xml");
        }
        return format;
    }

    private static String formatOf(UriInfo uri) {
        return uri != null && uri.getPath().endsWith(".xml") ? "xml" : "json";
    }
}

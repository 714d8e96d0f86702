package vn.friendlygov.feedback.ratelimit;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import vn.friendlygov.common.problem.Problem;
import vn.friendlygov.common.problem.ProblemType;
import vn.friendlygov.feedback.config.RateLimitConfig;
import vn.friendlygov.feedback.open311.Open311Errors;

/**
 * Limits each client of an unauthenticated door. The client is its address, or — on Open311 — its api_key, so
 * that the city's app behind one gateway address is limited as one client by its key rather than by the gateway.
 */
public class RateLimitFilter {

    private final TokenBuckets buckets;
    private final RateLimitConfig config;

    public RateLimitFilter(TokenBuckets buckets, RateLimitConfig config) {
        this.buckets = buckets;
        this.config = config;
    }

    @RateLimited
    @ServerRequestFilter
    public Response limit(ContainerRequestContext ctx, HttpServerRequest request) {
        if (!config.enabled()) {
            return null;
        }
        String path = ctx.getUriInfo().getPath();
        String door = path.startsWith("/open311") ? "open311" : path.startsWith("/webhooks") ? "webhook" : "citizen";
        String apiKey = ctx.getUriInfo().getQueryParameters().getFirst("api_key");
        String client = door + "|" + (apiKey != null ? "key:" + apiKey : "ip:" + address(request));
        long retryAfter = buckets.tryTake(client);
        if (retryAfter == 0) {
            return null;
        }
        String detail = "too many requests from this client; retry in " + retryAfter + " s";
        Response r = door.equals("open311")
                ? Open311Errors.response(path.endsWith(".xml") ? "xml" : "json", 429, detail)
                : Response.status(429).type(Problem.MEDIA_TYPE).entity(new Problem(ProblemType.TOO_MANY_REQUESTS.uri(),
                        ProblemType.TOO_MANY_REQUESTS.title(locale(ctx)), 429, detail, path, null)).build();
        return Response.fromResponse(r).header("Retry-After", retryAfter).build();
    }

    private String address(HttpServerRequest request) {
        if (config.trustForwardedFor()) {
            String forwarded = request.getHeader("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                return forwarded.split(",")[0].strip();
            }
        }
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }

    private static java.util.Locale locale(ContainerRequestContext ctx) {
        return ctx.getAcceptableLanguages().stream()
                .filter(l -> "en".equals(l.getLanguage()) || "vi".equals(l.getLanguage())).findFirst()
                .orElse(java.util.Locale.forLanguageTag("vi"));
    }
}

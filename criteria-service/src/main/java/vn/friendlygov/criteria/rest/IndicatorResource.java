package vn.friendlygov.criteria.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.UUID;
import vn.friendlygov.common.security.Actor;
import vn.friendlygov.common.security.Roles;
import vn.friendlygov.criteria.kpi.Measurement;
import vn.friendlygov.criteria.service.IndicatorQueries;

/** Measurements of an indicator for one period; a second measurement of the same period corrects the first. */
@Path("/api/v1/indicators")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class IndicatorResource {

    private final IndicatorQueries indicators;
    private final Actor actor;

    public IndicatorResource(IndicatorQueries indicators, Actor actor) {
        this.indicators = indicators;
        this.actor = actor;
    }

    public record MeasurementRequest(@NotBlank @Size(max = 10) String period,
            @NotNull @DecimalMin("0") BigDecimal numerator, @DecimalMin("0") BigDecimal denominator,
            @NotBlank @Size(max = 200) String source) {
    }

    public record MeasurementView(UUID id, UUID indicatorId, String period, BigDecimal numerator,
            BigDecimal denominator, BigDecimal value, String status, String source, String actor) {
    }

    @POST
    @Path("/{id}/measurements")
    @RolesAllowed({Roles.OFFICER, Roles.REVIEWER, Roles.LEADER, Roles.ADMIN})
    public Response measure(@PathParam("id") UUID id, @Valid @NotNull MeasurementRequest body) {
        Measurement m = indicators.measure(actor, id, body.period(), body.numerator(), body.denominator(),
                body.source());
        return Response.ok(new MeasurementView(m.id, m.indicatorId, m.period, m.numerator, m.denominator, m.value,
                m.status, m.source, m.actor)).build();
    }
}

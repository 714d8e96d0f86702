package vn.friendlygov.feedback.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import vn.friendlygov.common.problem.ProblemException;
import vn.friendlygov.common.security.Actor;
import vn.friendlygov.common.security.Roles;
import vn.friendlygov.feedback.intake.Category;
import vn.friendlygov.feedback.rest.StaffRequests.CategoryRequest;
import vn.friendlygov.feedback.service.CategoryCache;

/** Categories of a ward: public to read (the citizen form lists them), set by the ward's leader or an admin. */
@Path("/api/v1/wards/{ward}/categories")
@Produces(MediaType.APPLICATION_JSON)
public class CategoryResource {

    public record CategoryView(String code, String name, String unit, int slaDays, String priority) {
        static CategoryView of(Category c) {
            return new CategoryView(c.code, c.name, c.unit, c.slaDays, c.priority.name());
        }
    }

    private final Actor actor;
    private final CategoryCache categories;

    public CategoryResource(Actor actor, CategoryCache categories) {
        this.actor = actor;
        this.categories = categories;
    }

    @GET
    @PermitAll
    @Transactional
    public List<CategoryView> list(@PathParam("ward") String ward) {
        return Category.activeOf(ward).stream().map(CategoryView::of).toList();
    }

    /** Creates or changes the category {@code code}; the body's code must match the path. */
    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.LEADER, Roles.ADMIN})
    @Transactional
    public CategoryView put(@PathParam("ward") @NotBlank String ward, @PathParam("code") String code,
            @NotNull @Valid CategoryRequest request) {
        actor.requireWard(ward);
        if (!request.code().equals(code)) {
            throw ProblemException.invalid("code", "must equal the code in the path (" + code + ")");
        }
        Category c = Category.<Category>find("ward = ?1 and code = ?2", ward, code).firstResultOptional()
                .orElseGet(() -> {
                    Category n = new Category();
                    n.id = UUID.randomUUID();
                    n.ward = ward;
                    n.code = code;
                    return n;
                });
        c.name = request.name();
        c.unit = request.unit();
        c.slaDays = request.slaDays();
        c.priority = request.priority();
        c.active = true;
        c.persist();
        categories.changed(ward);
        return CategoryView.of(c);
    }

    @jakarta.ws.rs.DELETE
    @Path("/{code}")
    @RolesAllowed({Roles.LEADER, Roles.ADMIN})
    @Transactional
    public void retire(@PathParam("ward") String ward, @PathParam("code") String code) {
        actor.requireWard(ward);
        Category c = Category.<Category>find("ward = ?1 and code = ?2", ward, code).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("category", code));
        c.active = false; // cases keep their category code; it is no longer offered
        categories.changed(ward);
    }
}

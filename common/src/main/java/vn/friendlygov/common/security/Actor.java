package vn.friendlygov.common.security;

import jakarta.enterprise.context.RequestScoped;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import vn.friendlygov.common.problem.ProblemException;

/**
 * The person making the current request, from the bearer token: roles, unit and ward. An admin without a ward
 * claim operates the whole city; everyone else acts only within their own ward, and an officer only for their unit.
 */
@RequestScoped
public class Actor {

    private final JsonWebToken jwt;

    public Actor(JsonWebToken jwt) {
        this.jwt = jwt;
    }

    /** A stable identifier of the person (the token's subject), for audit trails. */
    public String id() {
        String sub = jwt.getSubject();
        return sub == null ? jwt.getName() : sub;
    }

    public String unit() {
        return claim("unit");
    }

    public String ward() {
        return claim("ward");
    }

    public Set<String> roles() {
        return jwt.getGroups() == null ? Set.of() : jwt.getGroups();
    }

    public boolean is(String role) {
        return roles().contains(role);
    }

    public boolean isCityAdmin() {
        return is(Roles.ADMIN) && ward() == null;
    }

    /** Refuses (403) unless the actor belongs to this ward or is a city-wide admin. */
    public void requireWard(String ward) {
        if (!isCityAdmin() && (ward() == null || !ward().equals(ward))) {
            throw ProblemException.forbidden("you act for ward " + ward() + ", not for ward " + ward);
        }
    }

    /**
     * Refuses (403) unless the actor may act for this unit of this ward: officers only for their own unit;
     * leaders, reviewers and admins for every unit of their ward.
     */
    public void requireUnit(String ward, String unit) {
        requireWard(ward);
        if (is(Roles.LEADER) || is(Roles.REVIEWER) || is(Roles.ADMIN)) {
            return;
        }
        if (unit() == null || !unit().equals(unit)) {
            throw ProblemException.forbidden("you act for unit " + unit() + ", not for unit " + unit);
        }
    }

    private String claim(String name) {
        Object v = jwt.getClaim(name);
        if (v == null) {
            return null;
        }
        String s = v instanceof jakarta.json.JsonString js ? js.getString() : v.toString();
        return s.isBlank() ? null : s;
    }
}

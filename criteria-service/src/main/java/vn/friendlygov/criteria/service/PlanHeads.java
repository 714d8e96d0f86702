package vn.friendlygov.criteria.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import vn.friendlygov.common.problem.ProblemException;
import vn.friendlygov.common.security.Actor;

/**
 * The few facts about a plan that every read needs, in one indexed lookup over plain JDBC (no ORM session, no JTA
 * transaction): its ward (for authorisation), year, file hash and the version the database bumps with every change
 * that alters what the plan's reads show ({@code plan_version}, migration V2). Caches keyed by the version are
 * therefore correct on every replica.
 */
@ApplicationScoped
public class PlanHeads {

    /** A plan as the read side sees it. */
    public record Head(String code, String ward, int year, String sourceSha256, long version) {
    }

    private static final String SQL = "select p.ward, p.year, p.source_sha256, coalesce(v.version, 0) "
            + "from plan p left join plan_version v on v.plan_code = p.code where p.code = ?";

    /** Plans are never deleted and a plan's ward never changes (its code is ward-year), so this never goes stale. */
    private static final int WARDS_KEPT = 20_000;

    private final DataSource ds;
    private final Map<String, String> wards = new ConcurrentHashMap<>();

    public PlanHeads(DataSource ds) {
        this.ds = ds;
    }

    /** The plan's ward, 404 / 403 as {@link #head}; remembered once seen, so most calls read nothing. */
    public String ward(Actor actor, String code) {
        String ward = wards.get(code);
        if (ward == null) {
            ward = head(actor, code).ward();
            if (wards.size() >= WARDS_KEPT) {
                wards.clear();
            }
            wards.put(code, ward);
        }
        actor.requireWard(ward);
        return ward;
    }

    /** The plan, 404 when it does not exist and 403 when the actor may not read its ward. */
    public Head head(Actor actor, String code) {
        Head h = find(code);
        if (h == null) {
            throw ProblemException.notFound("plan", code);
        }
        actor.requireWard(h.ward());
        return h;
    }

    Head find(String code) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(SQL)) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Head(code, rs.getString(1), rs.getInt(2), rs.getString(3), rs.getLong(4))
                        : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading plan " + code + " failed", e);
        }
    }
}

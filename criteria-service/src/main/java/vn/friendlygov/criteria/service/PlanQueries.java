package vn.friendlygov.criteria.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import vn.friendlygov.common.problem.ProblemException;
import vn.friendlygov.common.security.Actor;
import vn.friendlygov.common.text.VietnameseText;
import vn.friendlygov.criteria.plan.Plan;
import vn.friendlygov.criteria.plan.PlanItem;
import vn.friendlygov.criteria.rest.PlanViews;
import vn.friendlygov.criteria.task.TaskStatus;

/** Read side of plans: the list, the criteria tree, and the task search. Everything is scoped to the actor's ward. */
@ApplicationScoped
public class PlanQueries {

    private final EntityManager em;
    private final DataSource ds;
    private final PlanHeads heads;
    private final ObjectMapper json;

    public PlanQueries(EntityManager em, DataSource ds, PlanHeads heads, ObjectMapper json) {
        this.em = em;
        this.ds = ds;
        this.heads = heads;
        this.json = json;
    }

    public record TaskFilter(String unit, TaskStatus status, LocalDate dueFrom, LocalDate dueTo, String q,
            Boolean overdue, int page, int size) {
    }

    @Transactional
    public Plan plan(Actor actor, String code) {
        Plan plan = Plan.findById(code);
        if (plan == null) {
            throw ProblemException.notFound("plan", code);
        }
        actor.requireWard(plan.ward);
        return plan;
    }

    @Transactional
    public List<PlanViews.PlanView> plans(Actor actor) {
        List<Plan> plans = actor.isCityAdmin()
                ? Plan.list("order by ward, year")
                : Plan.list("ward = ?1 order by year", actor.ward());
        return plans.stream().map(PlanViews.PlanView::of).toList();
    }

    @Transactional
    public List<PlanViews.ItemNode> tree(Actor actor, String code) {
        ReadOnly.session(em);
        plan(actor, code);
        List<PlanItem> items = PlanItem.list("planCode = ?1 and active = true order by position", code);
        Map<UUID, List<PlanItem>> children = new HashMap<>();
        List<PlanItem> roots = new ArrayList<>();
        for (PlanItem i : items) {
            if (i.parentId == null) {
                roots.add(i);
            } else {
                children.computeIfAbsent(i.parentId, k -> new ArrayList<>()).add(i);
            }
        }
        return roots.stream().map(r -> node(r, children)).toList();
    }

    private static PlanViews.ItemNode node(PlanItem i, Map<UUID, List<PlanItem>> children) {
        return PlanViews.ItemNode.of(i, children.getOrDefault(i.id, List.of()).stream()
                .map(c -> node(c, children)).toList());
    }

    /**
     * The page as JSON, from a cache filed under the plan's version (as progress, see ProgressService): the plan's
     * head is read first, so an answer is never older than the version it is filed under, and the database bumps the
     * version with every change of the plan's tasks.
     */
    public byte[] tasksJson(Actor actor, String code, TaskFilter f) {
        PlanHeads.Head head = heads.head(actor, code);
        String key = code + "|" + f;
        CachedPage c = pages.get(key);
        if (c != null && c.version() == head.version()) {
            return c.json();
        }
        byte[] out;
        try {
            out = json.writeValueAsBytes(tasks(code, f));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("task page of " + code + " cannot be written as JSON", e);
        }
        if (pages.size() >= PAGES_KEPT) {
            pages.clear();
        }
        pages.merge(key, new CachedPage(head.version(), out), (old, now) -> old.version() > now.version() ? old : now);
        return out;
    }

    /** Pages kept (a page of 50 full rows is some 50 kB); past that the cache starts over. */
    static final int PAGES_KEPT = 500;

    private record CachedPage(long version, byte[] json) {
    }

    private final Map<String, CachedPage> pages = new ConcurrentHashMap<>();

    /**
     * One page of the plan's tasks, sorted by due date, title and id: one SQL statement over plain JDBC (the rows and
     * the total, {@code count(*) over ()}), mapped straight to the wire records; no ORM session or JTA transaction.
     * A second statement counts only when the page lies past the last row.
     */
    PlanViews.TaskPage tasks(String code, TaskFilter f) {
        StringBuilder where = new StringBuilder(" from task_occurrence where plan_code = ?");
        List<Object> params = new ArrayList<>();
        params.add(code);
        if (f.unit() != null) {
            where.append(" and lead_unit = ?");
            params.add(f.unit());
        }
        if (f.status() != null) {
            where.append(" and status = ?");
            params.add(f.status().name());
        }
        if (f.dueFrom() != null) {
            where.append(" and due_date >= ?");
            params.add(f.dueFrom());
        }
        if (f.dueTo() != null) {
            where.append(" and due_date <= ?");
            params.add(f.dueTo());
        }
        if (f.overdue() != null) {
            where.append(" and overdue = ?");
            params.add(f.overdue());
        }
        if (f.q() != null && !f.q().isBlank()) {
            // folded on both sides: "cong khai" finds "Công khai", and "Công khai" finds it too
            where.append(" and title_folded like ?");
            params.add("%" + VietnameseText.fold(f.q().strip()).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%");
        }
        String sql = "select " + TASK_COLUMNS + ", count(*) over ()" + where
                + " order by due_date, title, id limit ? offset ?";
        List<PlanViews.TaskView> items = new ArrayList<>();
        long total = 0;
        try (Connection c = ds.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int n = bind(ps, params);
                ps.setInt(n++, f.size());
                ps.setLong(n, (long) f.page() * f.size());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(task(rs));
                        total = rs.getLong(18);
                    }
                }
            }
            if (items.isEmpty() && f.page() > 0) {
                try (PreparedStatement ps = c.prepareStatement("select count(*)" + where)) {
                    bind(ps, params);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        total = rs.getLong(1);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("task search in " + code + " failed", e);
        }
        return new PlanViews.TaskPage(total, f.page(), f.size(), items);
    }

    private static final String TASK_COLUMNS = "id, ward, plan_code, item_id, criterion_code, title, lead_unit, "
            + "coordinating_units, period_start, period_end, due_date, recurrence, expected_evidence, status, overdue, "
            + "evidence_count, version";

    private static int bind(PreparedStatement ps, List<Object> params) throws SQLException {
        int n = 1;
        for (Object p : params) {
            ps.setObject(n++, p);
        }
        return n;
    }

    private static PlanViews.TaskView task(ResultSet rs) throws SQLException {
        return new PlanViews.TaskView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6), rs.getString(7),
                PlanItem.codes(rs.getString(8)), rs.getObject(9, LocalDate.class), rs.getObject(10, LocalDate.class),
                rs.getObject(11, LocalDate.class), rs.getString(12), rs.getString(13), rs.getString(14),
                rs.getBoolean(15), rs.getInt(16), rs.getLong(17));
    }
}

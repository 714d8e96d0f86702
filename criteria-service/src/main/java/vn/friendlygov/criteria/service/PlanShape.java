package vn.friendlygov.criteria.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The parts of a plan's tree the progress view needs: its criteria, its top-level items and which top-level item each
 * item belongs to. It changes only when a different file is imported, so it is kept per (plan, file hash).
 */
record PlanShape(List<Node> criteria, List<Node> topItems, Map<UUID, UUID> topOf) {

    private static final String CRITERION = "CRITERION";

    record Node(UUID id, String key, String criterionCode, String title) {
    }

    /** An active item of the plan as the shape needs it. */
    record Row(UUID id, UUID parentId, String kind, String key, String criterionCode, String title) {
    }

    /** The active items of a plan in plan order, over plain JDBC (one statement). */
    static PlanShape load(Connection c, String planCode) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select id, parent_id, kind, item_key, criterion_code, title "
                + "from plan_item where plan_code = ? and active order by position")) {
            ps.setString(1, planCode);
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    rows.add(new Row(r.getObject(1, UUID.class), r.getObject(2, UUID.class), r.getString(3),
                            r.getString(4), r.getString(5), r.getString(6)));
                }
            }
        }
        return of(rows);
    }

    static PlanShape of(List<Row> items) {
        Map<UUID, Row> byId = new HashMap<>();
        items.forEach(i -> byId.put(i.id(), i));
        List<Node> criteria = new ArrayList<>();
        List<Node> top = new ArrayList<>();
        Map<UUID, UUID> topOf = new HashMap<>();
        for (Row i : items) {
            Node n = new Node(i.id(), i.key(), i.criterionCode(), i.title());
            if (CRITERION.equals(i.kind())) {
                criteria.add(n);
                continue;
            }
            Row t = i;
            while (t.parentId() != null && byId.containsKey(t.parentId())
                    && !CRITERION.equals(byId.get(t.parentId()).kind())) {
                t = byId.get(t.parentId());
            }
            topOf.put(i.id(), t.id());
            if (t == i) {
                top.add(n);
            }
        }
        return new PlanShape(List.copyOf(criteria), List.copyOf(top), Map.copyOf(topOf));
    }
}

package vn.friendlygov.criteria.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.friendlygov.criteria.plan.PlanItem;

/**
 * The parts of a plan's tree the progress view needs: its criteria, its top-level items and which top-level item each
 * item belongs to. It changes only when a different file is imported, so it is kept per (plan, file hash).
 */
record PlanShape(List<Node> criteria, List<Node> topItems, Map<UUID, UUID> topOf) {

    record Node(UUID id, String key, String criterionCode, String title) {
    }

    static PlanShape of(List<PlanItem> items) {
        Map<UUID, PlanItem> byId = new HashMap<>();
        items.forEach(i -> byId.put(i.id, i));
        List<Node> criteria = new ArrayList<>();
        List<Node> top = new ArrayList<>();
        Map<UUID, UUID> topOf = new HashMap<>();
        for (PlanItem i : items) {
            Node n = new Node(i.id, i.key, i.criterionCode, i.title);
            if ("CRITERION".equals(i.kind)) {
                criteria.add(n);
                continue;
            }
            PlanItem t = i;
            while (t.parentId != null && byId.containsKey(t.parentId) && !"CRITERION".equals(byId.get(t.parentId).kind)) {
                t = byId.get(t.parentId);
            }
            topOf.put(i.id, t.id);
            if (t == i) {
                top.add(n);
            }
        }
        return new PlanShape(List.copyOf(criteria), List.copyOf(top), Map.copyOf(topOf));
    }
}

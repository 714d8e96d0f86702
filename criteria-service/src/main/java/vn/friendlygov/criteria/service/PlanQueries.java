package vn.friendlygov.criteria.service;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.friendlygov.common.problem.ProblemException;
import vn.friendlygov.common.security.Actor;
import vn.friendlygov.common.text.VietnameseText;
import vn.friendlygov.criteria.plan.Plan;
import vn.friendlygov.criteria.plan.PlanItem;
import vn.friendlygov.criteria.rest.PlanViews;
import vn.friendlygov.criteria.task.TaskOccurrence;
import vn.friendlygov.criteria.task.TaskStatus;

/** Read side of plans: the list, the criteria tree, and the task search. Everything is scoped to the actor's ward. */
@ApplicationScoped
public class PlanQueries {

    private final EntityManager em;

    public PlanQueries(EntityManager em) {
        this.em = em;
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

    @Transactional
    public PlanViews.TaskPage tasks(Actor actor, String code, TaskFilter f) {
        ReadOnly.session(em);
        plan(actor, code);
        StringBuilder where = new StringBuilder("planCode = :plan");
        Parameters params = Parameters.with("plan", code);
        if (f.unit() != null) {
            where.append(" and leadUnit = :unit");
            params.and("unit", f.unit());
        }
        if (f.status() != null) {
            where.append(" and status = :status");
            params.and("status", f.status());
        }
        if (f.dueFrom() != null) {
            where.append(" and dueDate >= :dueFrom");
            params.and("dueFrom", f.dueFrom());
        }
        if (f.dueTo() != null) {
            where.append(" and dueDate <= :dueTo");
            params.and("dueTo", f.dueTo());
        }
        if (f.overdue() != null) {
            where.append(" and overdue = :overdue");
            params.and("overdue", f.overdue());
        }
        if (f.q() != null && !f.q().isBlank()) {
            // folded on both sides: "cong khai" finds "Công khai", and "Công khai" finds it too
            where.append(" and titleFolded like :q");
            params.and("q", "%" + VietnameseText.fold(f.q().strip()).replace("%", "\\%").replace("_", "\\_") + "%");
        }
        var query = TaskOccurrence.<TaskOccurrence>find(where.toString(), Sort.by("dueDate").and("title").and("id"),
                params);
        List<TaskOccurrence> page = query.page(Page.of(f.page(), f.size())).list();
        return new PlanViews.TaskPage(query.count(), f.page(), f.size(),
                page.stream().map(PlanViews.TaskView::of).toList());
    }
}

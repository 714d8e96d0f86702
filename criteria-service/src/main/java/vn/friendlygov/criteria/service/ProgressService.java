package vn.friendlygov.criteria.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.concurrent.ConcurrentHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.friendlygov.common.security.Actor;
import vn.friendlygov.criteria.kpi.Indicator;
import vn.friendlygov.criteria.kpi.Measurement;
import vn.friendlygov.criteria.plan.Plan;
import vn.friendlygov.criteria.plan.PlanItem;
import vn.friendlygov.criteria.plan.Unit;
import vn.friendlygov.criteria.task.TaskStatus;

/**
 * Where a ward stands: tasks by state per criterion, top-level item and unit, overdue counts, KPI status and a score
 * per criterion (docs/2026-11-26-criteria-progress-score.md): score = 100 × (0.7 × T + 0.3 × K) where T is the
 * approved share of the tasks due by the date (1 when none was due) and K the share of the criterion's indicators
 * whose latest measured period is MET (no data counts as not met); without indicators, score = 100 × T.
 */
@ApplicationScoped
public class ProgressService {

    private static final int SHAPES_KEPT = 2000;

    private final EntityManager em;
    private final PlanQueries plans;
    private final Map<String, PlanShape> shapes = new ConcurrentHashMap<>();
    private volatile List<Unit> units;

    public ProgressService(EntityManager em, PlanQueries plans) {
        this.em = em;
        this.plans = plans;
    }

    @Transactional
    public Progress progress(Actor actor, String code, LocalDate asOf) {
        ReadOnly.session(em);
        Plan plan = plans.plan(actor, code);
        PlanShape shape = shape(plan);
        Progress.Tally total = new Progress.Tally();
        Map<String, Progress.Tally> byCriterion = new LinkedHashMap<>();
        Map<UUID, Progress.Tally> byTopItem = new LinkedHashMap<>();
        Map<String, Progress.Tally> byUnit = new LinkedHashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select criterion_code, item_id, lead_unit, status, overdue, "
                + "due_date <= ?2 as due, count(*) from task_occurrence where plan_code = ?1 "
                + "group by 1, 2, 3, 4, 5, 6").setParameter(1, code).setParameter(2, asOf).getResultList();
        for (Object[] r : rows) {
            TaskStatus status = TaskStatus.valueOf((String) r[3]);
            boolean overdue = (Boolean) r[4];
            boolean due = Boolean.TRUE.equals(r[5]);
            long n = ((Number) r[6]).longValue();
            total.add(status, overdue, due, n);
            byCriterion.computeIfAbsent((String) r[0], k -> new Progress.Tally()).add(status, overdue, due, n);
            byUnit.computeIfAbsent((String) r[2], k -> new Progress.Tally()).add(status, overdue, due, n);
            UUID top = r[1] == null ? null : shape.topOf().get((UUID) r[1]);
            if (top != null) {
                byTopItem.computeIfAbsent(top, k -> new Progress.Tally()).add(status, overdue, due, n);
            }
        }
        List<Progress.IndicatorStatus> indicators = indicatorStatuses(code);
        List<Progress.CriterionProgress> criteria = new ArrayList<>();
        for (PlanShape.Node c : shape.criteria()) {
            Progress.Tally t = byCriterion.getOrDefault(c.criterionCode(), new Progress.Tally());
            int met = 0;
            int notMet = 0;
            int noData = 0;
            for (Progress.IndicatorStatus s : indicators) {
                if (s.criterionCode().equals(c.criterionCode())) {
                    switch (s.status()) {
                        case "MET" -> met++;
                        case "NOT_MET" -> notMet++;
                        default -> noData++;
                    }
                }
            }
            int kpiCount = met + notMet + noData;
            double score = kpiCount == 0 ? t.dueShare() : 0.7 * t.dueShare() + 0.3 * met / kpiCount;
            criteria.add(new Progress.CriterionProgress(c.criterionCode(), c.title(), t.counts(),
                    new Progress.Kpis(met, notMet, noData), (int) Math.round(100 * score)));
        }
        List<Progress.ItemProgress> itemProgress = new ArrayList<>();
        for (PlanShape.Node i : shape.topItems()) {
            Progress.Tally t = byTopItem.get(i.id());
            if (t != null) {
                itemProgress.add(new Progress.ItemProgress(i.id(), i.key(), i.criterionCode(), i.title(), t.counts()));
            }
        }
        List<Progress.UnitProgress> unitProgress = new ArrayList<>();
        for (Unit u : units()) {
            unitProgress.add(new Progress.UnitProgress(u.code, u.name,
                    byUnit.getOrDefault(u.code, new Progress.Tally()).counts()));
        }
        return new Progress(plan.code, plan.ward, asOf, total.counts(), criteria, itemProgress, unitProgress,
                indicators);
    }

    /** The tree changes only with a new file: cached by plan and file hash, so every replica stays correct. */
    private PlanShape shape(Plan plan) {
        String key = plan.code + "|" + plan.sourceSha256;
        PlanShape s = shapes.get(key);
        if (s == null) {
            s = PlanShape.of(PlanItem.list("planCode = ?1 and active = true order by position", plan.code));
            if (shapes.size() >= SHAPES_KEPT) {
                shapes.clear();
            }
            shapes.put(key, s);
        }
        return s;
    }

    /** The canonical units come with the schema (a migration), so they are read once. */
    private List<Unit> units() {
        List<Unit> u = units;
        if (u == null) {
            u = List.copyOf(Unit.<Unit>list("order by position"));
            units = u;
        }
        return u;
    }

    private static List<Progress.IndicatorStatus> indicatorStatuses(String code) {
        List<Indicator> indicators = Indicator.list("planCode = ?1 order by code", code);
        Map<UUID, Map<String, Measurement>> measured = IndicatorService.measurements(indicators);
        List<Progress.IndicatorStatus> out = new ArrayList<>();
        for (Indicator i : indicators) {
            Map<String, Measurement> m = measured.getOrDefault(i.id, Map.of());
            String latest = m.keySet().stream().max(String::compareTo).orElse(null);
            out.add(new Progress.IndicatorStatus(i.id, i.code, i.criterionCode, latest,
                    latest == null ? "NO_DATA" : m.get(latest).status));
        }
        return out;
    }
}

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
import vn.friendlygov.criteria.kpi.Indicator;
import vn.friendlygov.criteria.kpi.Measurement;
import vn.friendlygov.criteria.plan.PlanItem;
import vn.friendlygov.criteria.plan.Unit;
import vn.friendlygov.criteria.rest.PlanViews;
import vn.friendlygov.criteria.task.TaskStatus;

/**
 * Computes where a ward stands (the slow path of {@link ProgressService}, which caches the result by plan version).
 * Where a ward stands: tasks by state per criterion, top-level item and unit, overdue counts, KPI status and a score
 * per criterion (docs/2026-11-26-criteria-progress-score.md): score = 100 × (0.7 × T + 0.3 × K) where T is the
 * approved share of the tasks due by the date (1 when none was due) and K the share of the criterion's indicators
 * whose latest measured period is MET (no data counts as not met); without indicators, score = 100 × T.
 */
@ApplicationScoped
public class ProgressCalculator {

    private static final int SHAPES_KEPT = 2000;

    private final EntityManager em;
    private final Map<String, PlanShape> shapes = new ConcurrentHashMap<>();
    private volatile List<Unit> units;

    public ProgressCalculator(EntityManager em) {
        this.em = em;
    }

    /** The progress of a plan whose head was read (and authorised) before this call; {@code today} for the KPIs. */
    @Transactional
    public Progress compute(PlanHeads.Head plan, LocalDate asOf, LocalDate today) {
        ReadOnly.session(em);
        String code = plan.code();
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
        List<Progress.IndicatorStatus> indicators = indicatorStatuses(plan, asOf, today);
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
        return new Progress(plan.code(), plan.ward(), asOf, total.counts(), criteria, itemProgress, unitProgress,
                indicators);
    }

    /** The tree changes only with a new file: cached by plan and file hash, so every replica stays correct. */
    private PlanShape shape(PlanHeads.Head plan) {
        String key = plan.code() + "|" + plan.sourceSha256();
        PlanShape s = shapes.get(key);
        if (s == null) {
            s = PlanShape.of(PlanItem.list("planCode = ?1 and active = true order by position", plan.code()));
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

    /** Each indicator's latest period with data as of {@code asOf} (IndicatorStatuses), or NO_DATA. */
    private static List<Progress.IndicatorStatus> indicatorStatuses(PlanHeads.Head plan, LocalDate asOf,
            LocalDate today) {
        List<Indicator> indicators = Indicator.list("planCode = ?1 order by code", plan.code());
        Map<UUID, Map<String, Measurement>> measured = IndicatorService.measurements(indicators);
        LocalDate dataStart = indicators.stream().anyMatch(IndicatorStatuses::derivedCount)
                ? IndicatorStatuses.feedbackDataStart(plan.ward()) : null;
        List<Progress.IndicatorStatus> out = new ArrayList<>();
        for (Indicator i : indicators) {
            PlanViews.PeriodStatus latest = IndicatorStatuses.latest(i, plan.year(),
                    measured.getOrDefault(i.id, Map.of()), asOf, today, dataStart);
            out.add(new Progress.IndicatorStatus(i.id, i.code, i.criterionCode,
                    latest == null ? null : latest.period(), latest == null ? IndicatorStatuses.NO_DATA
                            : latest.status()));
        }
        return out;
    }
}

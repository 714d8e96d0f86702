package vn.friendlygov.criteria.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import vn.friendlygov.criteria.kpi.Indicator;
import vn.friendlygov.criteria.kpi.Measurement;
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

    /** Tasks counted by criterion, item, unit, state, overdue flag and whether due by {@code asOf}. */
    private static final String TASK_COUNTS = "select criterion_code, item_id, lead_unit, status, overdue, "
            + "due_date <= ? as due, count(*) from task_occurrence where plan_code = ? group by 1, 2, 3, 4, 5, 6";
    /** The plan's indicators (by code) with their measurements, and the ward's first day of feedback data. */
    private static final String INDICATORS = "select (select min(collected_on) from feedback_fact where ward = ?), "
            + "i.id, i.code, i.criterion_code, i.periodicity, i.measure, i.comparator, i.target, i.source, m.period, "
            + "m.numerator, m.denominator, m.value, m.status, m.source, m.actor "
            + "from indicator i left join measurement m on m.indicator_id = i.id where i.plan_code = ? "
            + "order by i.code, m.period";

    private final DataSource ds;
    private final Map<String, PlanShape> shapes = new ConcurrentHashMap<>();
    private volatile List<Unit> units;

    public ProgressCalculator(DataSource ds) {
        this.ds = ds;
    }

    /**
     * The progress of a plan whose head was read (and authorised) before this call; {@code today} for the KPIs.
     * Two statements over plain JDBC on one connection (tasks grouped by the database; indicators with their
     * measurements and the ward's first feedback day), without an ORM session or a JTA transaction: each statement
     * sees a state at least as new as the head's version, which is all the cache needs (ProgressService).
     */
    public Progress compute(PlanHeads.Head plan, LocalDate asOf, LocalDate today) {
        PlanShape shape;
        Progress.Tally total = new Progress.Tally();
        Map<String, Progress.Tally> byCriterion = new LinkedHashMap<>();
        Map<UUID, Progress.Tally> byTopItem = new LinkedHashMap<>();
        Map<String, Progress.Tally> byUnit = new LinkedHashMap<>();
        List<Progress.IndicatorStatus> indicators;
        try (Connection c = ds.getConnection()) {
            shape = shape(c, plan);
            try (PreparedStatement ps = c.prepareStatement(TASK_COUNTS)) {
                ps.setObject(1, asOf);
                ps.setString(2, plan.code());
                try (ResultSet r = ps.executeQuery()) {
                    while (r.next()) {
                        TaskStatus status = TaskStatus.valueOf(r.getString(4));
                        boolean overdue = r.getBoolean(5);
                        boolean due = r.getBoolean(6);
                        long n = r.getLong(7);
                        total.add(status, overdue, due, n);
                        byCriterion.computeIfAbsent(r.getString(1), k -> new Progress.Tally())
                                .add(status, overdue, due, n);
                        byUnit.computeIfAbsent(r.getString(3), k -> new Progress.Tally()).add(status, overdue, due, n);
                        UUID item = r.getObject(2, UUID.class);
                        UUID top = item == null ? null : shape.topOf().get(item);
                        if (top != null) {
                            byTopItem.computeIfAbsent(top, k -> new Progress.Tally()).add(status, overdue, due, n);
                        }
                    }
                }
            }
            indicators = indicatorStatuses(c, plan, asOf, today);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the progress of " + plan.code() + " failed", e);
        }
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
    private PlanShape shape(Connection c, PlanHeads.Head plan) throws SQLException {
        String key = plan.code() + "|" + plan.sourceSha256();
        PlanShape s = shapes.get(key);
        if (s == null) {
            s = PlanShape.load(c, plan.code());
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
            u = List.copyOf(QuarkusTransaction.joiningExisting().call(() -> Unit.<Unit>list("order by position")));
            units = u;
        }
        return u;
    }

    /**
     * Each indicator's latest period with data as of {@code asOf} (IndicatorStatuses), or NO_DATA: the indicators,
     * their measurements and the ward's first feedback day in one statement.
     */
    private static List<Progress.IndicatorStatus> indicatorStatuses(Connection c, PlanHeads.Head plan, LocalDate asOf,
            LocalDate today) throws SQLException {
        Map<UUID, Indicator> indicators = new LinkedHashMap<>();
        Map<UUID, Map<String, Measurement>> measured = new HashMap<>();
        LocalDate dataStart = null;
        try (PreparedStatement ps = c.prepareStatement(INDICATORS)) {
            ps.setString(1, plan.ward());
            ps.setString(2, plan.code());
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    dataStart = r.getObject(1, LocalDate.class);
                    UUID id = r.getObject(2, UUID.class);
                    Indicator i = indicators.get(id);
                    if (i == null) {
                        i = new Indicator();
                        i.id = id;
                        i.code = r.getString(3);
                        i.criterionCode = r.getString(4);
                        i.periodicity = r.getString(5);
                        i.measure = r.getString(6);
                        i.comparator = r.getString(7);
                        i.target = r.getBigDecimal(8);
                        i.source = r.getString(9);
                        indicators.put(id, i);
                    }
                    String period = r.getString(10);
                    if (period != null) {
                        Measurement m = new Measurement();
                        m.indicatorId = id;
                        m.period = period;
                        m.numerator = r.getBigDecimal(11);
                        m.denominator = r.getBigDecimal(12);
                        m.value = r.getBigDecimal(13);
                        m.status = r.getString(14);
                        m.source = r.getString(15);
                        m.actor = r.getString(16);
                        measured.computeIfAbsent(id, k -> new HashMap<>()).put(period, m);
                    }
                }
            }
        }
        List<Progress.IndicatorStatus> out = new ArrayList<>();
        for (Indicator i : indicators.values()) {
            PlanViews.PeriodStatus latest = IndicatorStatuses.latest(i, plan.year(),
                    measured.getOrDefault(i.id, Map.of()), asOf, today,
                    IndicatorStatuses.derivedCount(i) ? dataStart : null);
            out.add(new Progress.IndicatorStatus(i.id, i.code, i.criterionCode,
                    latest == null ? null : latest.period(), latest == null ? IndicatorStatuses.NO_DATA
                            : latest.status()));
        }
        return out;
    }
}

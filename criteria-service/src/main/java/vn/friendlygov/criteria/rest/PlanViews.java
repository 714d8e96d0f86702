package vn.friendlygov.criteria.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import vn.friendlygov.criteria.plan.Plan;
import vn.friendlygov.criteria.plan.PlanItem;
import vn.friendlygov.criteria.task.TaskOccurrence;

/** Response records of the plan, task and indicator endpoints (wire models, not entities). */
public final class PlanViews {

    private PlanViews() {
    }

    public record PlanView(String code, String ward, int year, String title, OffsetDateTime importedAt) {
        public static PlanView of(Plan p) {
            return new PlanView(p.code, p.ward, p.year, p.title, p.importedAt);
        }
    }

    public record Target(String comparator, BigDecimal value) {
    }

    public record ItemNode(UUID id, String key, String kind, String title, String timeFrame, String timeFrameRaw,
            String frequency, List<String> leadUnits, List<String> coordinatingUnits, String expectedEvidence,
            Target target, int sourceLine, List<ItemNode> children) {
        public static ItemNode of(PlanItem i, List<ItemNode> children) {
            return new ItemNode(i.id, i.key, i.kind, i.title, i.timeFrame, i.timeFrameRaw, i.frequency,
                    PlanItem.codes(i.leadUnits), PlanItem.codes(i.coordinatingUnits), i.expectedEvidence,
                    i.targetComparator == null ? null : new Target(i.targetComparator, i.targetValue), i.sourceLine,
                    children);
        }
    }

    public record TaskView(UUID id, String ward, String planCode, UUID itemId, String criterionCode, String title,
            String leadUnit, List<String> coordinatingUnits, LocalDate periodStart, LocalDate periodEnd,
            LocalDate dueDate, String recurrence, String expectedEvidence, String status, boolean overdue,
            int evidenceCount, long version) {
        public static TaskView of(TaskOccurrence t) {
            return new TaskView(t.id, t.ward, t.planCode, t.itemId, t.criterionCode, t.title, t.leadUnit,
                    PlanItem.codes(t.coordinatingUnits), t.periodStart, t.periodEnd, t.dueDate, t.recurrence.name(),
                    t.expectedEvidence, t.status.name(), t.overdue, t.evidenceCount, t.version);
        }
    }

    public record TaskPage(long total, int page, int size, List<TaskView> items) {
    }

    public record PeriodStatus(String period, BigDecimal numerator, BigDecimal denominator, BigDecimal value,
            String status, String source, String actor) {
    }

    public record IndicatorView(UUID id, String code, String name, String criterionCode, String unitCode,
            String periodicity, String measure, String comparator, BigDecimal target, String source,
            String latestStatus, List<PeriodStatus> periods) {
    }
}

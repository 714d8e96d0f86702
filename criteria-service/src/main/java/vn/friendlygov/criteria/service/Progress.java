package vn.friendlygov.criteria.service;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.friendlygov.criteria.task.TaskStatus;

/** The progress of a plan as the leader sees it (response of {@code GET /api/v1/plans/{plan}/progress}). */
public record Progress(String plan, String ward, LocalDate asOf, Counts total, List<CriterionProgress> criteria,
        List<ItemProgress> items, List<UnitProgress> units, List<IndicatorStatus> indicators) {

    /** Tasks by state; {@code approvedShare} = approved / tasks not cancelled (0 when there are none). */
    public record Counts(Map<String, Long> byStatus, long total, long overdue, long due, long approvedDue,
            double approvedShare) {
    }

    public record Kpis(int met, int notMet, int noData) {
    }

    public record CriterionProgress(String code, String title, Counts tasks, Kpis kpis, int score) {
    }

    public record ItemProgress(UUID id, String key, String criterionCode, String title, Counts tasks) {
    }

    public record UnitProgress(String code, String name, Counts tasks) {
    }

    public record IndicatorStatus(UUID id, String code, String criterionCode, String latestPeriod, String status) {
    }

    /** Accumulates task counts. */
    static final class Tally {
        final long[] byStatus = new long[TaskStatus.values().length];
        long overdue;
        long due;
        long approvedDue;

        void add(TaskStatus status, boolean isOverdue, boolean isDue, long n) {
            byStatus[status.ordinal()] += n;
            if (isOverdue) {
                overdue += n;
            }
            if (isDue && status != TaskStatus.CANCELLED) {
                due += n;
                if (status == TaskStatus.APPROVED) {
                    approvedDue += n;
                }
            }
        }

        Counts counts() {
            Map<String, Long> m = new LinkedHashMap<>();
            long total = 0;
            for (TaskStatus s : TaskStatus.values()) {
                m.put(s.name(), byStatus[s.ordinal()]);
                total += byStatus[s.ordinal()];
            }
            long live = total - byStatus[TaskStatus.CANCELLED.ordinal()];
            double share = live == 0 ? 0 : round((double) byStatus[TaskStatus.APPROVED.ordinal()] / live);
            return new Counts(m, total, overdue, due, approvedDue, share);
        }

        /** Approved share of the tasks due by the date; 1 when nothing was due yet (nothing is late). */
        double dueShare() {
            return due == 0 ? 1.0 : (double) approvedDue / due;
        }
    }

    static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}

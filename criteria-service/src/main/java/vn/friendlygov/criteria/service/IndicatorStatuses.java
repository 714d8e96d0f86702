package vn.friendlygov.criteria.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.friendlygov.criteria.kpi.FeedbackFact;
import vn.friendlygov.criteria.kpi.Indicator;
import vn.friendlygov.criteria.kpi.IndicatorCatalogue;
import vn.friendlygov.criteria.kpi.Measurement;
import vn.friendlygov.criteria.kpi.Periods;
import vn.friendlygov.criteria.rest.PlanViews;

/**
 * The status of each period of an indicator (docs/2026-11-26-criteria-kpis.md). A measured period is MET or NOT_MET
 * by its value. A period without a measurement is NO_DATA, except for a count this service derives from its own
 * events (Fatherland Front collection per week): once such a period has ended, and it did not end before the ward's
 * feedback data starts (its earliest feedback fact, any channel), zero is data and the period is NOT_MET with value 0.
 */
final class IndicatorStatuses {

    static final String NO_DATA = "NO_DATA";
    /** Zero at the scales a stored measurement has (numeric(14, 2) and numeric(14, 4)). */
    private static final BigDecimal ZERO_COUNT = new BigDecimal("0.00");
    private static final BigDecimal ZERO_VALUE = new BigDecimal("0.0000");

    private IndicatorStatuses() {
    }

    /** Whether the indicator is a count derived from feedback events (zero collections are known, not missing). */
    static boolean derivedCount(Indicator i) {
        return IndicatorCatalogue.FEEDBACK_EVENTS.equals(i.source) && !i.isPercent();
    }

    /** The first day the service holds feedback data of the ward, or null when it holds none. */
    static LocalDate feedbackDataStart(String ward) {
        return FeedbackFact.getEntityManager()
                .createQuery("select min(collectedOn) from FeedbackFact where ward = ?1", LocalDate.class)
                .setParameter(1, ward).getSingleResult();
    }

    /**
     * The period's status: from its measurement, or derived (zero, NOT_MET) when the period ended before
     * {@code cutoff} (exclusive) and not before {@code dataStart}, or NO_DATA.
     */
    static PlanViews.PeriodStatus of(Indicator i, String period, Measurement m, LocalDate cutoff, LocalDate dataStart) {
        if (m != null) {
            return new PlanViews.PeriodStatus(period, m.numerator, m.denominator, m.value, m.status, m.source, m.actor);
        }
        if (derivedCount(i) && dataStart != null) {
            LocalDate end = Periods.end(period);
            if (end.isBefore(cutoff) && !end.isBefore(dataStart)) {
                return new PlanViews.PeriodStatus(period, ZERO_COUNT, null, ZERO_VALUE,
                        i.meets(BigDecimal.ZERO) ? "MET" : "NOT_MET", FeedbackIndicators.SOURCE,
                        FeedbackIndicators.ACTOR);
            }
        }
        return new PlanViews.PeriodStatus(period, null, null, null, NO_DATA, null, null);
    }

    /** Every period of the plan year, in order, as known {@code today}. */
    static List<PlanViews.PeriodStatus> periods(Indicator i, int year, Map<String, Measurement> measured,
            LocalDate today, LocalDate dataStart) {
        List<PlanViews.PeriodStatus> out = new ArrayList<>();
        for (String p : Periods.of(i.periodicity, year)) {
            out.add(of(i, p, measured.get(p), today, dataStart));
        }
        return out;
    }

    /**
     * The latest period with data as of {@code asOf} (known {@code today}): periods that began after {@code asOf} do
     * not count, and a derived zero needs its period ended by {@code asOf} and before today. Null when none has data.
     */
    static PlanViews.PeriodStatus latest(Indicator i, int year, Map<String, Measurement> measured, LocalDate asOf,
            LocalDate today, LocalDate dataStart) {
        LocalDate cutoff = asOf.plusDays(1).isBefore(today) ? asOf.plusDays(1) : today;
        List<String> periods = Periods.of(i.periodicity, year);
        for (int k = periods.size() - 1; k >= 0; k--) {
            String p = periods.get(k);
            if (Periods.start(p).isAfter(asOf)) {
                continue;
            }
            PlanViews.PeriodStatus s = of(i, p, measured.get(p), cutoff, dataStart);
            if (!NO_DATA.equals(s.status())) {
                return s;
            }
        }
        return null;
    }
}

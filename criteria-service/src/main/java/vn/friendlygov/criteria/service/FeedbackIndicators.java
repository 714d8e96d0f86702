package vn.friendlygov.criteria.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import vn.friendlygov.criteria.kpi.FeedbackFact;
import vn.friendlygov.criteria.kpi.Indicator;
import vn.friendlygov.criteria.kpi.IndicatorCatalogue;
import vn.friendlygov.criteria.kpi.Periods;
import vn.friendlygov.criteria.plan.Plan;

/**
 * The indicators measured from feedback: feedback collected through the Fatherland Front (channel
 * {@code FATHERLAND_FRONT}) per ISO week, and the share of feedback answered on time per month. Recomputed from the
 * stored facts each time, for the ward's plan of that year (nothing is measured while the ward has no plan).
 */
@ApplicationScoped
public class FeedbackIndicators {

    static final String SOURCE = "feedback-events";
    static final String ACTOR = "system:feedback-events";

    private final IndicatorService indicators;

    public FeedbackIndicators(IndicatorService indicators) {
        this.indicators = indicators;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void recountCollection(String ward, LocalDate day) {
        Indicator i = indicator(ward, day.get(IsoFields.WEEK_BASED_YEAR), IndicatorCatalogue.FEEDBACK_COLLECTION);
        if (i == null) {
            return;
        }
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        long n = FeedbackFact.count("ward = ?1 and channel = 'FATHERLAND_FRONT' and collectedOn between ?2 and ?3",
                ward, monday, monday.plusDays(6));
        if (n > 0) {
            indicators.measure(i, Periods.of("WEEKLY", day), BigDecimal.valueOf(n), null, SOURCE, ACTOR);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void recountOnTime(String ward, LocalDate day) {
        Indicator i = indicator(ward, day.getYear(), IndicatorCatalogue.FEEDBACK_ON_TIME);
        if (i == null) {
            return;
        }
        LocalDate first = day.withDayOfMonth(1);
        LocalDate last = day.with(TemporalAdjusters.lastDayOfMonth());
        long answered = FeedbackFact.count("ward = ?1 and answeredOn between ?2 and ?3", ward, first, last);
        long onTime = FeedbackFact.count("ward = ?1 and answeredOn between ?2 and ?3 and answeredOnTime = true",
                ward, first, last);
        indicators.measure(i, Periods.of("MONTHLY", day), BigDecimal.valueOf(onTime), BigDecimal.valueOf(answered),
                SOURCE, ACTOR);
    }

    private static Indicator indicator(String ward, int year, String code) {
        return Indicator.find("planCode = ?1 and code = ?2", Plan.code(ward, year), code).firstResult();
    }
}

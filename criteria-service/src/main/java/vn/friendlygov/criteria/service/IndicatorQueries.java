package vn.friendlygov.criteria.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.friendlygov.common.problem.Problem;
import vn.friendlygov.common.problem.ProblemException;
import vn.friendlygov.common.problem.ProblemType;
import vn.friendlygov.common.security.Actor;
import vn.friendlygov.common.security.Roles;
import vn.friendlygov.criteria.kpi.Indicator;
import vn.friendlygov.criteria.kpi.IndicatorCatalogue;
import vn.friendlygov.criteria.kpi.Measurement;
import vn.friendlygov.criteria.kpi.Periods;
import vn.friendlygov.criteria.plan.Plan;
import vn.friendlygov.criteria.rest.PlanViews;

/** The indicators of a plan with their status per period, and manual measurements through the API. */
@ApplicationScoped
public class IndicatorQueries {

    private final PlanQueries plans;
    private final IndicatorService indicators;
    private final ProgressService progress;

    public IndicatorQueries(PlanQueries plans, IndicatorService indicators, ProgressService progress) {
        this.plans = plans;
        this.indicators = indicators;
        this.progress = progress;
    }

    /**
     * Every indicator with the status of each period as known today (IndicatorStatuses: measured, derived zero for
     * an ended week of a count from our own events, or NO_DATA) and {@code latestStatus}, that of the latest
     * period with data.
     */
    @Transactional
    public List<PlanViews.IndicatorView> list(Actor actor, String code) {
        Plan plan = plans.plan(actor, code);
        LocalDate today = progress.today();
        List<Indicator> list = Indicator.list("planCode = ?1 order by criterionCode, code", code);
        Map<UUID, Map<String, Measurement>> measured = IndicatorService.measurements(list);
        LocalDate dataStart = list.stream().anyMatch(IndicatorStatuses::derivedCount)
                ? IndicatorStatuses.feedbackDataStart(plan.ward) : null;
        List<PlanViews.IndicatorView> out = new ArrayList<>();
        for (Indicator i : list) {
            Map<String, Measurement> m = measured.getOrDefault(i.id, Map.of());
            List<PlanViews.PeriodStatus> periods = IndicatorStatuses.periods(i, plan.year, m, today, dataStart);
            String latest = IndicatorStatuses.NO_DATA;
            for (PlanViews.PeriodStatus p : periods) {
                if (!IndicatorStatuses.NO_DATA.equals(p.status())) {
                    latest = p.status();
                }
            }
            out.add(new PlanViews.IndicatorView(i.id, i.code, i.name, i.criterionCode, i.unitCode, i.periodicity,
                    i.measure, i.comparator, i.target, i.source, latest, periods));
        }
        return out;
    }

    /**
     * A measurement by a person: the indicator's unit's officers, reviewers, leaders and admins of the ward.
     * Indicators measured from feedback events are not written by hand (409).
     */
    @Transactional
    public Measurement measure(Actor actor, UUID indicatorId, String period, BigDecimal numerator,
            BigDecimal denominator, String source) {
        Indicator indicator = Indicator.findById(indicatorId);
        if (indicator == null) {
            throw ProblemException.notFound("indicator", indicatorId);
        }
        actor.requireWard(indicator.ward);
        if (actor.is(Roles.OFFICER) && !actor.is(Roles.LEADER) && !actor.is(Roles.REVIEWER) && !actor.is(Roles.ADMIN)) {
            actor.requireUnit(indicator.ward, indicator.unitCode);
        }
        if (IndicatorCatalogue.FEEDBACK_EVENTS.equals(indicator.source)) {
            throw ProblemException.conflict(indicator.code + " is measured from feedback events, not by hand");
        }
        Plan plan = Plan.findById(indicator.planCode);
        List<Problem.Violation> v = new ArrayList<>();
        if (!Periods.valid(indicator.periodicity, period, plan.year)) {
            v.add(new Problem.Violation("period", "must be a " + indicator.periodicity.toLowerCase()
                    + " period of " + plan.year + " such as " + Periods.of(indicator.periodicity, plan.year).get(0)));
        }
        if (indicator.isPercent() && (denominator == null || denominator.signum() <= 0)) {
            v.add(new Problem.Violation("denominator", "a percentage needs a denominator greater than 0"));
        }
        if (indicator.isPercent() && denominator != null && denominator.signum() > 0 && numerator != null
                && numerator.compareTo(denominator) > 0
                && !"GT".equals(indicator.comparator)) {
            v.add(new Problem.Violation("numerator", "must not exceed the denominator"));
        }
        if (!v.isEmpty()) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "invalid measurement", v);
        }
        return indicators.measure(indicator, period, numerator, denominator, source, actor.id());
    }
}

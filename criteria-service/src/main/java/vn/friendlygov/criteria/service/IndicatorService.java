package vn.friendlygov.criteria.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import vn.friendlygov.common.outbox.Outbox;
import vn.friendlygov.criteria.kpi.Indicator;
import vn.friendlygov.criteria.kpi.IndicatorCatalogue;
import vn.friendlygov.criteria.kpi.Measurement;
import vn.friendlygov.criteria.messaging.IndicatorEvents;
import vn.friendlygov.criteria.plan.ImportReport;
import vn.friendlygov.criteria.plan.Plan;
import vn.friendlygov.criteria.plan.PlanItem;
import vn.friendlygov.criteria.plan.parse.ParsedPlan;

/** Indicators of a plan (kept in step with the imported plan) and their measurements, each one an outbox event. */
@ApplicationScoped
public class IndicatorService {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private final Outbox outbox;

    public IndicatorService(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public ImportReport.Changes sync(Plan plan, ParsedPlan parsed, Map<String, PlanItem> items) {
        Map<String, Indicator> existing = new HashMap<>();
        Indicator.<Indicator>list("planCode", plan.code).forEach(i -> existing.put(i.code, i));
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (IndicatorCatalogue.Definition d : IndicatorCatalogue.of(parsed)) {
            Indicator i = existing.remove(d.code());
            boolean isNew = i == null;
            if (isNew) {
                i = new Indicator();
                i.id = UUID.randomUUID();
                i.planCode = plan.code;
                i.ward = plan.ward;
                i.code = d.code();
            }
            UUID itemId = items.get(d.item().key).id;
            boolean same = !isNew && i.name.equals(d.name()) && Objects.equals(i.itemId, itemId)
                    && i.criterionCode.equals(d.criterionCode()) && Objects.equals(i.unitCode, d.unitCode())
                    && i.periodicity.equals(d.periodicity()) && i.measure.equals(d.measure())
                    && i.comparator.equals(d.comparator()) && i.target.compareTo(d.target()) == 0
                    && i.source.equals(d.source());
            if (same) {
                unchanged++;
                continue;
            }
            i.name = d.name();
            i.itemId = itemId;
            i.criterionCode = d.criterionCode();
            i.unitCode = d.unitCode();
            i.periodicity = d.periodicity();
            i.measure = d.measure();
            i.comparator = d.comparator();
            i.target = d.target();
            i.source = d.source();
            if (isNew) {
                i.persist();
                created++;
            } else {
                updated++;
            }
        }
        return new ImportReport.Changes(created, updated, unchanged, existing.size());
    }

    /** Records (or corrects) the value of one period and publishes it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Measurement measure(Indicator indicator, String period, BigDecimal numerator, BigDecimal denominator,
            String source, String actor) {
        Measurement m = Measurement.find("indicatorId = ?1 and period = ?2", indicator.id, period).firstResult();
        if (m == null) {
            m = new Measurement();
            m.id = UUID.randomUUID();
            m.indicatorId = indicator.id;
            m.period = period;
        }
        m.numerator = numerator;
        m.denominator = denominator;
        m.value = indicator.isPercent()
                ? numerator.multiply(HUNDRED).divide(denominator, 4, RoundingMode.HALF_UP)
                : numerator;
        m.status = indicator.meets(m.value) ? "MET" : "NOT_MET";
        m.source = source;
        m.actor = actor;
        m.measuredAt = OffsetDateTime.now(ZoneOffset.UTC);
        if (!m.isPersistent()) {
            m.persist();
        }
        m.flush();
        outbox.publish(IndicatorEvents.TOPIC, IndicatorEvents.MEASURED, indicator.id.toString(), indicator.ward,
                new IndicatorEvents.Measured(indicator.id, indicator.ward, indicator.planCode, indicator.code, period,
                        m.numerator, m.denominator, m.value, m.status));
        return m;
    }

    /** The measurements of the indicators, by indicator id and period. */
    public static Map<UUID, Map<String, Measurement>> measurements(List<Indicator> indicators) {
        Map<UUID, Map<String, Measurement>> out = new HashMap<>();
        if (indicators.isEmpty()) {
            return out;
        }
        List<UUID> ids = indicators.stream().map(i -> i.id).toList();
        Measurement.<Measurement>list("indicatorId in ?1", ids)
                .forEach(m -> out.computeIfAbsent(m.indicatorId, k -> new HashMap<>()).put(m.period, m));
        return out;
    }
}

package vn.friendlygov.criteria.messaging;

import java.math.BigDecimal;
import java.util.UUID;

/** The schema of {@code criteria.indicator-events.v1}, owned by criteria-service. */
public final class IndicatorEvents {

    public static final String TOPIC = "criteria.indicator-events.v1";
    public static final String MEASURED = "vn.friendlygov.criteria.indicator.measured.v1";

    private IndicatorEvents() {
    }

    public record Measured(UUID indicatorId, String ward, String planCode, String code, String period,
            BigDecimal numerator, BigDecimal denominator, BigDecimal value, String status) {
    }
}

package vn.friendlygov.criteria.kpi;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import vn.friendlygov.common.text.VietnameseText;
import vn.friendlygov.criteria.plan.parse.ParsedItem;
import vn.friendlygov.criteria.plan.parse.ParsedPlan;
import vn.friendlygov.criteria.plan.parse.TextFacts;

/**
 * Which indicators a plan has (decision: docs/2026-11-26-criteria-kpis.md): every item with a percentage target
 * becomes a monthly percentage indicator (quarterly for the app-installs ratio, which households change slowly);
 * every item that asks for something "at least" weekly or monthly becomes a count indicator with target 1 per
 * period. Known items get stable codes; feedback collection and the on-time share of answered feedback are measured
 * from feedback events.
 */
public final class IndicatorCatalogue {

    public static final String FEEDBACK_COLLECTION = "FEEDBACK_COLLECTION_WEEKLY";
    public static final String FEEDBACK_ON_TIME = "FEEDBACK_ANSWERED_ON_TIME";
    public static final String MANUAL = "MANUAL";
    public static final String FEEDBACK_EVENTS = "FEEDBACK_EVENTS";

    public record Definition(String code, String name, ParsedItem item, String criterionCode, String unitCode,
            String periodicity, String measure, String comparator, BigDecimal target, String source) {
    }

    private IndicatorCatalogue() {
    }

    public static List<Definition> of(ParsedPlan plan) {
        List<Definition> out = new ArrayList<>();
        ParsedItem onTime = null;
        for (ParsedItem i : plan.items()) {
            if (i.kind() == ParsedItem.Kind.CRITERION) {
                continue;
            }
            String f = VietnameseText.fold(i.title);
            String unit = i.leadUnits.isEmpty() ? null : i.leadUnits.get(0);
            TextFacts facts = i.facts;
            if (facts.comparator() != null) {
                String code = f.contains("ky so") ? "DIGITAL_SIGNING"
                        : f.contains("dich vu cong truc tuyen") ? "ONLINE_SERVICES"
                        : f.contains("hai phong smart") ? "HP_SMART_INSTALLS"
                        : f.contains("thu tuc hanh chinh") ? "PROCEDURES_ON_TIME" : "ITEM_" + i.key.replace('.', '_');
                String periodicity = code.equals("HP_SMART_INSTALLS") ? "QUARTERLY" : "MONTHLY";
                out.add(new Definition(code, i.title, i, i.criterionCode(), unit, periodicity, "PERCENT",
                        facts.comparator().name(), facts.target(), MANUAL));
                if (code.equals("PROCEDURES_ON_TIME")) {
                    onTime = i;
                }
            } else if (facts.atLeast() && facts.frequency() != null
                    && facts.frequency() != TextFacts.Frequency.YEARLY) {
                boolean feedback = f.contains("mat tran to quoc");
                String code = feedback ? FEEDBACK_COLLECTION
                        : f.contains("xuong dia ban") ? "LEADER_FIELD_VISITS"
                        : f.contains("tiep cong dan") ? "CITIZEN_RECEPTION" : "ITEM_" + i.key.replace('.', '_');
                out.add(new Definition(code, i.title, i, i.criterionCode(), unit, facts.frequency().name(), "COUNT",
                        "GTE", BigDecimal.ONE, feedback ? FEEDBACK_EVENTS : MANUAL));
            }
        }
        if (onTime != null) {
            out.add(new Definition(FEEDBACK_ON_TIME, "Tỷ lệ phản ánh, kiến nghị của người dân được trả lời đúng hạn",
                    onTime, onTime.criterionCode(), onTime.leadUnits.isEmpty() ? null : onTime.leadUnits.get(0),
                    "MONTHLY", "PERCENT", "GTE", new BigDecimal("100"), FEEDBACK_EVENTS));
        }
        return out;
    }
}

package vn.friendlygov.criteria.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import vn.friendlygov.criteria.plan.parse.ParsedItem;
import vn.friendlygov.criteria.plan.parse.ParsedPlan;

/**
 * Writes the parsed tree into {@code plan_item}, matching existing rows by position key so that a corrected plan
 * updates its items in place (and their tasks keep their history). Items no longer in the file are retired.
 */
public final class ItemWriter {

    private ItemWriter() {
    }

    public record Result(Map<String, PlanItem> byKey, int created, int updated, int unchanged, int retired) {
    }

    public static Result write(String planCode, ParsedPlan parsed) {
        Map<String, PlanItem> existing = new HashMap<>();
        PlanItem.<PlanItem>list("planCode", planCode).forEach(i -> existing.put(i.key, i));
        Map<String, PlanItem> byKey = new HashMap<>();
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        int position = 0;
        for (ParsedItem p : parsed.items()) {
            PlanItem item = existing.remove(p.key);
            PlanItem wanted = toEntity(planCode, p, ++position, p.parent == null ? null : byKey.get(p.parent.key).id);
            if (item == null) {
                wanted.id = UUID.randomUUID();
                wanted.persist();
                item = wanted;
                created++;
            } else if (copyIfChanged(wanted, item)) {
                updated++;
            } else {
                unchanged++;
            }
            byKey.put(p.key, item);
        }
        List<PlanItem> gone = new ArrayList<>(existing.values());
        int retired = 0;
        for (PlanItem i : gone) {
            if (i.active) {
                i.active = false;
                retired++;
            }
        }
        return new Result(byKey, created, updated, unchanged, retired);
    }

    private static PlanItem toEntity(String planCode, ParsedItem p, int position, UUID parentId) {
        PlanItem i = new PlanItem();
        i.planCode = planCode;
        i.key = p.key;
        i.parentId = parentId;
        i.criterionCode = p.criterionCode();
        i.kind = p.kind().name();
        i.position = position;
        i.sourceLine = p.line;
        i.title = p.title;
        i.timeFrame = p.timeFrame.label();
        i.timeFrameRaw = p.timeFrameRaw;
        i.frequency = p.facts.frequency() == null ? null : p.facts.frequency().name();
        i.leadUnits = PlanItem.join(p.leadUnits);
        i.coordinatingUnits = PlanItem.join(p.coordinatingUnits);
        i.expectedEvidence = p.expectedEvidence;
        i.targetComparator = p.facts.comparator() == null ? null : p.facts.comparator().name();
        i.targetValue = p.facts.target();
        i.active = true;
        return i;
    }

    private static boolean copyIfChanged(PlanItem from, PlanItem to) {
        boolean same = Objects.equals(from.parentId, to.parentId) && from.criterionCode.equals(to.criterionCode)
                && from.kind.equals(to.kind) && from.position == to.position && from.sourceLine == to.sourceLine
                && from.title.equals(to.title) && Objects.equals(from.timeFrame, to.timeFrame)
                && Objects.equals(from.timeFrameRaw, to.timeFrameRaw) && Objects.equals(from.frequency, to.frequency)
                && from.leadUnits.equals(to.leadUnits) && from.coordinatingUnits.equals(to.coordinatingUnits)
                && Objects.equals(from.expectedEvidence, to.expectedEvidence)
                && Objects.equals(from.targetComparator, to.targetComparator)
                && (from.targetValue == null ? to.targetValue == null
                        : to.targetValue != null && from.targetValue.compareTo(to.targetValue) == 0)
                && to.active;
        if (same) {
            return false;
        }
        to.parentId = from.parentId;
        to.criterionCode = from.criterionCode;
        to.kind = from.kind;
        to.position = from.position;
        to.sourceLine = from.sourceLine;
        to.title = from.title;
        to.timeFrame = from.timeFrame;
        to.timeFrameRaw = from.timeFrameRaw;
        to.frequency = from.frequency;
        to.leadUnits = from.leadUnits;
        to.coordinatingUnits = from.coordinatingUnits;
        to.expectedEvidence = from.expectedEvidence;
        to.targetComparator = from.targetComparator;
        to.targetValue = from.targetValue;
        to.active = true;
        return true;
    }
}

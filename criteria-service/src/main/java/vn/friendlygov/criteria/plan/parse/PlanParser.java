package vn.friendlygov.criteria.plan.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.friendlygov.common.text.VietnameseText;

/**
 * Turns the rows of the plan's table into the criteria and item tree. Rules (see
 * docs/2026-11-26-criteria-plan-import.md): a row whose content is "TIÊU CHÍ n: …" starts criterion n (the TT cell is
 * unreliable and ignored); a row starting with "-" is a child of the nearest row above without one; other rows are
 * items of the criterion. A row without a time frame that has children is a group (a heading). Every row read is an
 * item or an issue in the report: nothing is dropped silently.
 */
public final class PlanParser {

    private static final Pattern CRITERION = Pattern.compile("^tieu chi (\\d+)\\s*[:.]?\\s*(.*)$");

    private final List<ParsedItem> items = new ArrayList<>();
    private final List<ImportIssue> issues = new ArrayList<>();
    private ParsedItem criterion;
    private ParsedItem lastTopLevel;
    private int topLevelCount;
    private int criterionNumber;

    private PlanParser() {
    }

    public static ParsedPlan parse(RawTable table) {
        PlanParser p = new PlanParser();
        p.issues.addAll(table.issues());
        table.rows().forEach(p::accept);
        p.finish();
        return new ParsedPlan(table.title(), List.copyOf(p.items), table.rows().size(), table.separators(),
                List.copyOf(p.issues));
    }

    private void accept(PlanRow row) {
        String content = row.content();
        Matcher c = CRITERION.matcher(VietnameseText.fold(content));
        if (c.matches()) {
            startCriterion(row, Integer.parseInt(c.group(1)));
            return;
        }
        if (criterion == null) {
            issues.add(ImportIssue.error(row.line(), "content", "row above the first criterion; skipped", content));
            return;
        }
        if (content.isEmpty()) {
            issues.add(ImportIssue.error(row.line(), "content", "row without content; skipped",
                    String.join(" | ", row.timeFrame(), row.leadUnits(), row.product())));
            return;
        }
        boolean child = content.startsWith("-") || content.startsWith("–");
        ParsedItem parent;
        String key;
        if (child && lastTopLevel != null) {
            parent = lastTopLevel;
            key = parent.key + "." + (parent.children.size() + 1);
        } else {
            if (child) {
                issues.add(ImportIssue.warning(row.line(), "content",
                        "a \"-\" row with no row above it in the criterion; kept as an item of the criterion", content));
            }
            parent = criterion;
            key = criterion.key + "." + (++topLevelCount);
        }
        String title = child ? content.replaceFirst("^[-–]+\\s*", "") : content;
        ParsedItem item = item(row, key, title, parent, ParsedItem.Kind.ITEM);
        parent.children.add(item);
        items.add(item);
        if (parent == criterion) {
            lastTopLevel = item;
        }
    }

    private void startCriterion(PlanRow row, int number) {
        String content = row.content();
        int colon = content.indexOf(':');
        String title = colon >= 0 ? content.substring(colon + 1).strip() : content;
        criterionNumber = number;
        criterion = item(row, Integer.toString(number), title, null, ParsedItem.Kind.CRITERION);
        if (!row.tt().isEmpty() && !row.tt().equals(Integer.toString(number))) {
            issues.add(ImportIssue.note(row.line(), "tt", "TT \"" + row.tt() + "\" ignored; criterion " + number
                    + " is numbered by its text", content));
        }
        items.add(criterion);
        lastTopLevel = null;
        topLevelCount = 0;
    }

    private ParsedItem item(PlanRow row, String key, String title, ParsedItem parent, ParsedItem.Kind kind) {
        TimeFrame tf = TimeFrame.parse(row.timeFrame());
        if (tf.kind() == TimeFrame.Kind.UNKNOWN) {
            issues.add(ImportIssue.warning(row.line(), "timeFrame", "time frame not understood: " + row.timeFrame(),
                    title));
        } else if (!row.timeFrame().isEmpty() && !row.timeFrame().equals(tf.label())) {
            issues.add(ImportIssue.note(row.line(), "timeFrame", row.timeFrame() + " → " + tf.label(), title));
        }
        UnitNames.Parsed lead = UnitNames.parseCell(row.leadUnits());
        UnitNames.Parsed coord = UnitNames.parseCell(row.coordinatingUnits());
        report(row, "leadUnits", lead, title);
        report(row, "coordinatingUnits", coord, title);
        List<String> leads = lead.codes().stream().filter(u -> !UnitNames.ALL.equals(u)).toList();
        List<String> coordinating = new ArrayList<>();
        for (String u : coord.codes()) {
            if (UnitNames.ALL.equals(u)) {
                UnitNames.CANONICAL.keySet().stream().sorted().filter(x -> !leads.contains(x) && !coordinating.contains(x))
                        .forEach(coordinating::add);
            } else if (leads.contains(u)) {
                issues.add(ImportIssue.note(row.line(), "coordinatingUnits",
                        "the lead unit " + u + " is also named as coordinating; not repeated", title));
            } else if (!coordinating.contains(u)) {
                coordinating.add(u);
            }
        }
        String evidence = row.product().isEmpty() ? null : row.product();
        return new ParsedItem(key, row.line(), criterionNumber, title, tf,
                row.timeFrame().isEmpty() ? null : row.timeFrame(), TextFacts.of(title), leads, coordinating, evidence,
                parent, kind);
    }

    private void report(PlanRow row, String field, UnitNames.Parsed parsed, String title) {
        for (String unknown : parsed.unknown()) {
            issues.add(ImportIssue.warning(row.line(), field, "unknown unit \"" + unknown + "\"; not recorded", title));
        }
        for (String r : parsed.respelled()) {
            issues.add(ImportIssue.note(row.line(), field, r, title));
        }
    }

    /** Decides groups once the tree is complete, and reports rows that cannot produce work. */
    private void finish() {
        for (ParsedItem i : items) {
            if (i.kind == ParsedItem.Kind.CRITERION) {
                continue;
            }
            if (i.timeFrame.kind() == TimeFrame.Kind.NONE && (!i.children.isEmpty() || i.leadUnits.isEmpty())) {
                i.kind = ParsedItem.Kind.GROUP;
                if (i.children.isEmpty()) {
                    issues.add(ImportIssue.warning(i.line, "content", "heading without items under it", i.title));
                }
                continue;
            }
            if (!i.children.isEmpty()) {
                continue; // an item with sub-items: the sub-items carry the work
            }
            if (i.leadUnits.isEmpty()) {
                issues.add(ImportIssue.warning(i.line, "leadUnits", "no lead unit; no task is generated", i.title));
            }
            if (i.timeFrame.kind() == TimeFrame.Kind.NONE) {
                issues.add(i.facts.frequency() == null
                        ? ImportIssue.warning(i.line, "timeFrame", "no time frame and no frequency in the text; "
                                + "no task is generated", i.title)
                        : ImportIssue.warning(i.line, "timeFrame", "no time frame; the schedule is taken from the "
                                + "frequency in the text (" + i.facts.frequency() + ")", i.title));
            }
        }
    }
}

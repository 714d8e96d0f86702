package vn.friendlygov.criteria.plan.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * One row of the plan as understood: its place in the tree ({@code key} "2.4.3" = criterion 2, 4th row, 3rd child),
 * and its normalised fields. {@code leadUnits} and {@code coordinatingUnits} are unit codes; "all units" in the
 * coordinating column is expanded to every unit that does not lead the row.
 */
public final class ParsedItem {

    public enum Kind { CRITERION, GROUP, ITEM }

    public final String key;
    public final int line;
    public final int criterion;
    public final String title;
    public final TimeFrame timeFrame;
    public final String timeFrameRaw;
    public final TextFacts facts;
    public final List<String> leadUnits;
    public final List<String> coordinatingUnits;
    public final String expectedEvidence;
    public final ParsedItem parent;
    public final List<ParsedItem> children = new ArrayList<>();
    Kind kind;

    ParsedItem(String key, int line, int criterion, String title, TimeFrame timeFrame, String timeFrameRaw,
            TextFacts facts, List<String> leadUnits, List<String> coordinatingUnits, String expectedEvidence,
            ParsedItem parent, Kind kind) {
        this.key = key;
        this.line = line;
        this.criterion = criterion;
        this.title = title;
        this.timeFrame = timeFrame;
        this.timeFrameRaw = timeFrameRaw;
        this.facts = facts;
        this.leadUnits = List.copyOf(leadUnits);
        this.coordinatingUnits = List.copyOf(coordinatingUnits);
        this.expectedEvidence = expectedEvidence;
        this.parent = parent;
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isLeaf() {
        return kind == Kind.ITEM && children.isEmpty();
    }

    public String criterionCode() {
        return "TC" + criterion;
    }
}

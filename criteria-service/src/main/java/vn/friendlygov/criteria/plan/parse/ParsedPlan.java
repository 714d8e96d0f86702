package vn.friendlygov.criteria.plan.parse;

import java.util.ArrayList;
import java.util.List;

/** The plan as the parser understood it: the items in document order (criteria first of their subtree). */
public record ParsedPlan(String title, List<ParsedItem> items, int rowsRead, int separators, List<ImportIssue> issues) {

    public List<ParsedItem> criteria() {
        return items.stream().filter(i -> i.kind() == ParsedItem.Kind.CRITERION).toList();
    }

    public List<ParsedItem> leaves() {
        return items.stream().filter(ParsedItem::isLeaf).toList();
    }

    public List<ImportIssue> issuesOf(ImportIssue.Severity severity) {
        List<ImportIssue> out = new ArrayList<>();
        for (ImportIssue i : issues) {
            if (i.severity() == severity) {
                out.add(i);
            }
        }
        return out;
    }
}

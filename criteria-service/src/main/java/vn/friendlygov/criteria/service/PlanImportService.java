package vn.friendlygov.criteria.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import vn.friendlygov.common.problem.Problem;
import vn.friendlygov.common.problem.ProblemException;
import vn.friendlygov.common.problem.ProblemType;
import vn.friendlygov.common.security.Actor;
import vn.friendlygov.common.security.Roles;
import vn.friendlygov.criteria.plan.ImportReport;
import vn.friendlygov.criteria.plan.ItemWriter;
import vn.friendlygov.criteria.plan.Plan;
import vn.friendlygov.criteria.plan.parse.ImportIssue;
import vn.friendlygov.criteria.plan.parse.ParsedItem;
import vn.friendlygov.criteria.plan.parse.ParsedPlan;
import vn.friendlygov.criteria.plan.parse.PlanParser;
import vn.friendlygov.criteria.plan.parse.RawTable;

/**
 * Imports a ward's plan for a year: the item tree, the year's task occurrences and the indicators, in one
 * transaction (all or nothing). Re-importing the same file changes nothing; a corrected file updates in place.
 */
@ApplicationScoped
public class PlanImportService {

    private final TaskPlanner planner;
    private final IndicatorService indicators;

    public PlanImportService(TaskPlanner planner, IndicatorService indicators) {
        this.planner = planner;
        this.indicators = indicators;
    }

    @Transactional
    public ImportReport importPlan(Actor actor, String ward, int year, RawTable table, String sha256) {
        if (!actor.is(Roles.LEADER) && !actor.is(Roles.ADMIN)) {
            throw ProblemException.forbidden("only a leader or an admin of the ward imports its plan");
        }
        actor.requireWard(ward);
        ParsedPlan parsed = PlanParser.parse(table);
        List<ImportIssue> errors = parsed.issuesOf(ImportIssue.Severity.ERROR);
        if (parsed.criteria().isEmpty()) {
            List<Problem.Violation> v = new ArrayList<>();
            errors.forEach(e -> v.add(new Problem.Violation("file", "line " + e.line() + ": " + e.message())));
            v.add(new Problem.Violation("file", "no criterion (\"TIÊU CHÍ n: …\") was found"));
            throw new ProblemException(ProblemType.INVALID_REQUEST, "the file holds no plan table", v);
        }
        String code = Plan.code(ward, year);
        Plan plan = Plan.findById(code, LockModeType.PESSIMISTIC_WRITE);
        boolean samePlan = plan != null && plan.sourceSha256.equals(sha256);
        boolean firstImport = plan == null;
        if (plan == null) {
            plan = new Plan();
            plan.code = code;
            plan.ward = ward;
            plan.year = year;
        }
        String title = parsed.title() == null ? "Kế hoạch " + code : parsed.title();
        if (!samePlan) {
            plan.title = title;
            plan.sourceSha256 = sha256;
            plan.importedAt = OffsetDateTime.now(ZoneOffset.UTC);
            plan.importedBy = actor.id();
            if (!plan.isPersistent()) {
                plan.persist();
            }
            plan.flush();
        }
        ItemWriter.Result items = ItemWriter.write(code, parsed);
        ImportReport.Changes tasks = planner.plan(plan, parsed, items.byKey(), actor.id());
        ImportReport.Changes kpis = indicators.sync(plan, parsed, items.byKey());
        ImportReport.Changes itemChanges = new ImportReport.Changes(items.created(), items.updated(),
                items.unchanged(), items.retired());
        boolean changed = !samePlan || changed(itemChanges) || changed(tasks) || changed(kpis);
        return new ImportReport(code, ward, year, plan.title, sha256, firstImport, changed, rows(parsed, table), itemChanges,
                tasks, kpis, parsed.issues());
    }

    private static boolean changed(ImportReport.Changes c) {
        return c.created() + c.updated() + c.retired() > 0;
    }

    private static ImportReport.Rows rows(ParsedPlan p, RawTable t) {
        int criteria = 0;
        int groups = 0;
        int items = 0;
        for (ParsedItem i : p.items()) {
            switch (i.kind()) {
                case CRITERION -> criteria++;
                case GROUP -> groups++;
                default -> items++;
            }
        }
        return new ImportReport.Rows(p.rowsRead(), criteria, groups, items, t.separators(), t.blankLines());
    }
}

package vn.friendlygov.criteria.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import vn.friendlygov.common.calendar.HolidayCalendar;
import vn.friendlygov.criteria.messaging.TaskEvents;
import vn.friendlygov.criteria.plan.Plan;
import vn.friendlygov.criteria.plan.PlanItem;
import vn.friendlygov.criteria.plan.ImportReport;
import vn.friendlygov.criteria.plan.parse.ParsedItem;
import vn.friendlygov.criteria.plan.parse.ParsedPlan;
import vn.friendlygov.criteria.schedule.Occurrence;
import vn.friendlygov.criteria.schedule.OccurrenceSchedule;
import vn.friendlygov.criteria.task.TaskOccurrence;
import vn.friendlygov.criteria.task.TaskStatus;

/**
 * Generates the plan year's task occurrences from the items' schedules: one per leaf item, lead unit and period.
 * Re-running it is idempotent: an occurrence is found again by (item, lead unit, period start); one whose fields changed
 * is updated (event {@code task.updated}); one that the plan no longer asks for is cancelled with a reason, never
 * deleted, so its history stays. An overdue occurrence whose due date the new plan moves to today or later is no
 * longer overdue (the flag is cleared with the update, and the {@code task.updated} event carries it).
 */
@ApplicationScoped
public class TaskPlanner {

    static final String IMPORT_REASON = "no longer in the imported plan";

    private final TaskJournal journal;
    private final OccurrenceSchedule schedule;
    private final Clock clock;

    public TaskPlanner(TaskJournal journal, HolidayCalendar calendar, Clock clock) {
        this.journal = journal;
        this.schedule = new OccurrenceSchedule(calendar);
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public ImportReport.Changes plan(Plan plan, ParsedPlan parsed, Map<String, PlanItem> items, String actor) {
        Map<String, TaskOccurrence> existing = new HashMap<>();
        TaskOccurrence.<TaskOccurrence>list("planCode", plan.code)
                .forEach(t -> existing.put(slot(t.itemId, t.leadUnit, t.periodKey), t));
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        LocalDate today = LocalDate.ofInstant(clock.instant(), HolidayCalendar.ZONE);
        for (ParsedItem p : parsed.leaves()) {
            PlanItem item = items.get(p.key);
            for (Occurrence o : schedule.occurrences(p.timeFrame, p.facts, plan.year)) {
                for (String unit : p.leadUnits) {
                    TaskOccurrence wanted = occurrence(plan, item, p, o, unit);
                    TaskOccurrence task = existing.remove(slot(item.id, unit, o.key()));
                    if (task == null) {
                        wanted.id = UUID.randomUUID();
                        wanted.status = TaskStatus.TODO;
                        wanted.createdAt = now;
                        journal.record(wanted, TaskEvents.CREATED, "CREATE", null, actor, null);
                        created++;
                    } else if (copyIfChanged(wanted, task)) {
                        String reason = "plan re-imported";
                        if (task.overdue && (task.dueDate == null || !task.dueDate.isBefore(today))) {
                            // the job marks what is due before today; a due date moved into the future is not late
                            task.overdue = false;
                            reason += "; due " + task.dueDate + ", no longer overdue";
                        }
                        journal.record(task, TaskEvents.UPDATED, "UPDATE", task.status, actor, reason);
                        updated++;
                    } else {
                        unchanged++;
                    }
                }
            }
        }
        int retired = 0;
        for (TaskOccurrence gone : existing.values()) {
            if (gone.status != TaskStatus.CANCELLED && gone.status != TaskStatus.APPROVED) {
                TaskStatus from = gone.status;
                gone.status = TaskStatus.CANCELLED;
                journal.record(gone, TaskEvents.STATUS_CHANGED, "CANCEL", from, actor, IMPORT_REASON);
                retired++;
            }
        }
        return new ImportReport.Changes(created, updated, unchanged, retired);
    }

    private static TaskOccurrence occurrence(Plan plan, PlanItem item, ParsedItem p, Occurrence o, String unit) {
        TaskOccurrence t = new TaskOccurrence();
        t.ward = plan.ward;
        t.planCode = plan.code;
        t.itemId = item.id;
        t.criterionCode = item.criterionCode;
        t.title = o.label() == null ? p.title : p.title + " (" + o.label() + ")";
        t.leadUnit = unit;
        t.coordinatingUnits = PlanItem.join(p.coordinatingUnits);
        t.periodKey = o.key();
        t.periodStart = o.periodStart();
        t.periodEnd = o.periodEnd();
        t.dueDate = o.dueDate();
        t.recurrence = o.recurrence();
        t.expectedEvidence = p.expectedEvidence;
        return t;
    }

    private static boolean copyIfChanged(TaskOccurrence from, TaskOccurrence to) {
        if (from.title.equals(to.title) && Objects.equals(from.dueDate, to.dueDate)
                && Objects.equals(from.periodStart, to.periodStart)
                && Objects.equals(from.periodEnd, to.periodEnd) && from.coordinatingUnits.equals(to.coordinatingUnits)
                && from.recurrence == to.recurrence && Objects.equals(from.expectedEvidence, to.expectedEvidence)
                && Objects.equals(from.criterionCode, to.criterionCode)) {
            return false;
        }
        to.title = from.title;
        to.dueDate = from.dueDate;
        to.periodStart = from.periodStart;
        to.periodEnd = from.periodEnd;
        to.coordinatingUnits = from.coordinatingUnits;
        to.recurrence = from.recurrence;
        to.expectedEvidence = from.expectedEvidence;
        to.criterionCode = from.criterionCode;
        return true;
    }

    private static String slot(UUID itemId, String unit, String key) {
        return itemId + "|" + unit + "|" + key;
    }
}

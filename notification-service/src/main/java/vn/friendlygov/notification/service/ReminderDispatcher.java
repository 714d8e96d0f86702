package vn.friendlygov.notification.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.hibernate.jpa.SpecHints;
import vn.friendlygov.common.messaging.ConsumerRetry;
import vn.friendlygov.notification.config.NotificationConfig;
import vn.friendlygov.notification.inbox.InboxService;
import vn.friendlygov.notification.readmodel.FeedbackView;
import vn.friendlygov.notification.readmodel.TaskView;
import vn.friendlygov.notification.recipient.Recipient;
import vn.friendlygov.notification.reminder.Reminder;

/**
 * Sends the reminders whose time has come. Each round locks its rows with SKIP LOCKED and marks them SENT in the
 * same transaction as the inbox notification and the outgoing messages, so several replicas running this at once
 * never send a reminder twice, and a crash mid-round sends nothing half.
 */
@ApplicationScoped
public class ReminderDispatcher {

    private final EntityManager em;
    private final InboxService inbox;
    private final Messages messages;
    private final DigestComposer digests;
    private final SchedulePlanner schedules;
    private final ReminderPlanner planner;
    private final ConsumerRetry retry;
    private final NotificationConfig config;
    private final Clock clock;

    public ReminderDispatcher(EntityManager em, InboxService inbox, Messages messages, DigestComposer digests,
            SchedulePlanner schedules, ReminderPlanner planner, ConsumerRetry retry, NotificationConfig config,
            Clock clock) {
        this.em = em;
        this.inbox = inbox;
        this.messages = messages;
        this.digests = digests;
        this.schedules = schedules;
        this.planner = planner;
        this.retry = retry;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            every = "${notification.dispatch.every:60s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "reminder-dispatch")
    void scheduled() {
        schedules.planAhead();
        while (dispatchDue() == config.dispatch().batchSize()) {
            // a full batch: more may be due
        }
    }

    /**
     * One round: returns how many due reminders it took (sent, or cancelled as no longer wanted). A round that
     * failed for a reason that may pass (PostgreSQL chose it as a deadlock's victim: two dispatchers, each holding
     * rows the other's upsert needs) rolled back whole — its messages are rows of the same transaction, nothing left
     * the service — and is run again ({@link ConsumerRetry}).
     */
    public int dispatchDue() {
        return retry.get("reminder dispatch", this::dispatchRound);
    }

    private int dispatchRound() {
        return QuarkusTransaction.requiringNew().call(() -> {
            OffsetDateTime now = OffsetDateTime.now(clock);
            List<Reminder> due = em.createQuery("from Reminder where status = 'PENDING' and fireAt <= :now "
                    + "order by fireAt, id", Reminder.class)
                    .setParameter("now", now)
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                    .setHint(SpecHints.HINT_SPEC_LOCK_TIMEOUT, -2) // SKIP LOCKED
                    .setMaxResults(config.dispatch().batchSize())
                    .getResultList();
            // daily while overdue: the subjects whose next days are planned after the batch, in one order for every
            // dispatcher (kind, then id). Rolled as met, two dispatchers could upsert subject A then B and B then A,
            // each waiting for the other's rows: a deadlock (seen in ReminderPlanningTest, 2026-12-07).
            TreeSet<Subject> toRoll = new TreeSet<>(Subject.ORDER);
            for (Reminder r : due) {
                if (stillWanted(r)) {
                    send(r);
                    if (Reminder.Kind.OVERDUE.name().equals(r.kind)) {
                        toRoll.add(new Subject(r.subjectKind, r.subjectId));
                    }
                    r.status = Reminder.Status.SENT.name();
                    r.sentAt = now;
                } else {
                    r.status = Reminder.Status.CANCELLED.name();
                    r.cancelReason = "subject done before the reminder's time";
                }
            }
            toRoll.forEach(subject -> planner.rollOverdue(subject.kind(), subject.id()));
            return due.size();
        });
    }

    /** A safety net for events that arrive late: a reminder of a finished task or answered case is not sent. */
    private boolean stillWanted(Reminder r) {
        if (ReminderPlanner.TASK.equals(r.subjectKind)) {
            TaskView t = TaskView.findById(r.subjectId);
            return t != null && !t.done();
        }
        if (ReminderPlanner.FEEDBACK.equals(r.subjectKind)) {
            FeedbackView f = FeedbackView.findById(r.subjectId);
            return f != null && !f.done();
        }
        return true;
    }

    private void send(Reminder r) {
        String title = r.title;
        String body = r.body;
        String html = null;
        if (Reminder.Kind.DIGEST.name().equals(r.kind)) {
            DigestComposer.Digest d = digests.compose(r.ward, r.unit, r.fireAt);
            title = d.title();
            body = d.text();
            html = d.html();
        }
        inbox.notify(r.ward, r.unit, "REMINDER_" + r.kind, title, body, r.subjectId, "reminder:" + r.key);
        List<Recipient> people = switch (Reminder.Audience.valueOf(r.audience)) {
            case UNIT -> Reminder.Kind.DIGEST.name().equals(r.kind)
                    ? Recipient.list("ward = ?1 and unit = ?2 and active = true", r.ward, r.unit)
                    : Recipient.of(r.ward, r.unit, Recipient.Role.OFFICER);
            case HEAD -> Recipient.of(r.ward, r.unit, Recipient.Role.HEAD);
            case LEADER -> Recipient.leadersOf(r.ward);
        };
        messages.toAll(people, r.key, r.kind, title, body == null ? title : body,
                html != null ? html : Html.paragraphs(title, body));
    }

    /** A task or case whose overdue reminders are rolled on. */
    private record Subject(String kind, String id) {
        static final Comparator<Subject> ORDER = Comparator.comparing(Subject::kind).thenComparing(Subject::id);
    }
}

package vn.friendlygov.notification.reminder;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/** A ward's reminder policy, kept as data so each ward tunes it without a release. */
@Entity
@Table(name = "reminder_policy")
public class ReminderPolicy extends PanacheEntityBase {

    /** The plan charges the public administration service centre with the weekly collection through the Front. */
    public static final String DEFAULT_FRONT_COLLECTION_UNIT = "TTPVHCC";

    @Id
    public String ward;

    /** Days before the due date, comma separated, e.g. "30,7,1". */
    @Column(name = "days_before", nullable = false)
    public String daysBefore;

    /** Local hour (Asia/Ho_Chi_Minh) at which reminders of a day are sent. */
    @Column(name = "send_hour", nullable = false)
    public int sendHour;

    @Column(name = "on_due_day", nullable = false)
    public boolean onDueDay;

    /**
     * How many days after the due date the daily overdue reminder goes on (working days only); 0, the plan's
     * default, means every working day for as long as the task is overdue.
     */
    @Column(name = "overdue_daily_days", nullable = false)
    public int overdueDailyDays;

    @Column(name = "escalate_head_after_days", nullable = false)
    public int escalateHeadAfterDays;

    @Column(name = "escalate_leader_after_days", nullable = false)
    public int escalateLeaderAfterDays;

    /** The unit whose inbox the ward leader reads (escalations and leaders' duties land there). */
    @Column(name = "leader_unit", nullable = false)
    public String leaderUnit;

    /** The evaluating unit: it hears about submitted evidence. */
    @Column(name = "reviewer_unit", nullable = false)
    public String reviewerUnit;

    /** The unit that collects the people's opinions through the Fatherland Front each week (plan row 32). */
    @Column(name = "front_collection_unit", nullable = false)
    public String frontCollectionUnit;

    @Column(name = "digest_enabled", nullable = false)
    public boolean digestEnabled;

    @Column(name = "greeting_days_before", nullable = false)
    public int greetingDaysBefore;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public List<Integer> daysBeforeList() {
        return daysBefore.isBlank() ? List.of()
                : Arrays.stream(daysBefore.split(",")).map(String::strip).map(Integer::valueOf).toList();
    }

    /** The plan's policy: 30, 7 and 1 days before, on the day, daily while overdue, head after 3, leader after 7. */
    public static ReminderPolicy defaults(String ward) {
        ReminderPolicy p = new ReminderPolicy();
        p.ward = ward;
        p.daysBefore = "30,7,1";
        p.sendHour = 8;
        p.onDueDay = true;
        p.overdueDailyDays = 0;
        p.escalateHeadAfterDays = 3;
        p.escalateLeaderAfterDays = 7;
        p.leaderUnit = "VP";
        p.reviewerUnit = "VHXH";
        p.frontCollectionUnit = DEFAULT_FRONT_COLLECTION_UNIT;
        p.digestEnabled = true;
        p.greetingDaysBefore = 3;
        return p;
    }

    /** The ward's stored policy, or the defaults (not persisted) when it has none. */
    public static ReminderPolicy of(String ward) {
        ReminderPolicy p = findById(ward);
        return p == null ? defaults(ward) : p;
    }
}

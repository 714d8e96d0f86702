package vn.friendlygov.criteria.kpi;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** What the KPIs need of one citizen feedback: channel, the day it was collected, when and whether answered on time. */
@Entity
@Table(name = "feedback_fact")
public class FeedbackFact extends PanacheEntityBase {

    @Id
    @Column(name = "feedback_id")
    public String feedbackId;

    @Column(nullable = false)
    public String ward;

    public String channel;

    @Column(name = "collected_on")
    public LocalDate collectedOn;

    @Column(name = "answered_on")
    public LocalDate answeredOn;

    @Column(name = "answered_on_time")
    public Boolean answeredOnTime;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}

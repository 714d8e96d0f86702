package vn.friendlygov.feedback.intake;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** One citizen case, from any channel. The citizen_* fields are personal data: staff views only. */
@Entity
public class Feedback extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "tracking_code")
    public String trackingCode;
    public String ward;
    @Enumerated(EnumType.STRING)
    public FeedbackChannel channel;
    public String category;
    public String unit;
    @Enumerated(EnumType.STRING)
    public Priority priority;
    @Enumerated(EnumType.STRING)
    public FeedbackStatus status;
    public String content;
    @Column(name = "content_folded")
    public String contentFolded;
    @Column(name = "citizen_name")
    public String citizenName;
    @Column(name = "citizen_phone")
    public String citizenPhone;
    @Column(name = "citizen_email")
    public String citizenEmail;
    @Column(name = "citizen_address")
    public String citizenAddress;
    public Double latitude;
    public Double longitude;
    /** JSON array of photo URLs. */
    public String photos;
    /** JSON object of Open311 attributes. */
    public String attributes;
    /** The citizen's id on a chat channel (Zalo user id, Facebook page-scoped id), to answer and to group messages. */
    @Column(name = "channel_user_id")
    public String channelUserId;
    @Column(name = "received_at")
    public OffsetDateTime receivedAt;
    @Column(name = "due_date")
    public LocalDate dueDate;
    @Column(name = "collection_date")
    public LocalDate collectionDate;
    @Column(name = "collection_source")
    public String collectionSource;
    @Column(name = "recorded_by")
    public String recordedBy;
    @Column(name = "public_answer")
    public String publicAnswer;
    @Column(name = "answered_at")
    public OffsetDateTime answeredAt;
    @Column(name = "answered_on_time")
    public Boolean answeredOnTime;
    @Column(name = "closed_at")
    public OffsetDateTime closedAt;
    @Column(name = "reject_reason")
    public String rejectReason;
    @Column(name = "duplicate_of")
    public UUID duplicateOf;
    /** Written only by DuplicateSweep (native update), so staff changes never overwrite it nor race with it. */
    @Column(name = "suggested_duplicate", updatable = false)
    public UUID suggestedDuplicate;
    @Column(name = "reopen_count")
    public int reopenCount;
    @Column(name = "overdue_announced")
    public boolean overdueAnnounced;
    public Integer rating;
    @Column(name = "rating_comment")
    public String ratingComment;
    @Column(name = "rated_at")
    public OffsetDateTime ratedAt;
    @Version
    public long version;

    public static Optional<Feedback> byTrackingCode(String code) {
        return find("trackingCode", code).firstResultOptional();
    }
}

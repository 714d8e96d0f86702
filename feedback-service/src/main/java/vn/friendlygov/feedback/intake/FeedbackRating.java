package vn.friendlygov.feedback.intake;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One rating of one answer of a case ({@code answerRound} = the case's reopen count when it was rated). */
@Entity
@Table(name = "feedback_rating")
public class FeedbackRating extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "feedback_id")
    public UUID feedbackId;
    @Column(name = "answer_round")
    public int answerRound;
    public int rating;
    public String comment;
    @Column(name = "rated_at")
    public OffsetDateTime ratedAt;
}

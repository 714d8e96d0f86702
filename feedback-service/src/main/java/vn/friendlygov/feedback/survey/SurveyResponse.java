package vn.friendlygov.feedback.survey;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One filled-in questionnaire; {@code answers} is a JSON object from question code to answer. */
@Entity
@Table(name = "survey_response")
public class SurveyResponse extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "survey_id")
    public UUID surveyId;
    public String channel;
    public String answers;
    @Column(name = "answered_at")
    public OffsetDateTime answeredAt;
    @Column(name = "entered_by")
    public String enteredBy;
}

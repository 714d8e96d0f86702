package vn.friendlygov.feedback.survey;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** A questionnaire of a ward; {@code questions} is the JSON list of {@link SurveyRequests.Question}. */
@Entity
public class Survey extends PanacheEntityBase {

    @Id
    public UUID id;
    public String ward;
    public String code;
    public String title;
    public String questions;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    public static Optional<Survey> of(String ward, String code) {
        return find("ward = ?1 and code = ?2", ward, code).firstResultOptional();
    }
}

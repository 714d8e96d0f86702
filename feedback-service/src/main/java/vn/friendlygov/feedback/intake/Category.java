package vn.friendlygov.feedback.intake;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A kind of feedback in one ward, routed to one unit with an SLA in working days. */
@Entity
public class Category extends PanacheEntityBase {

    @Id
    public UUID id;
    public String ward;
    public String code;
    public String name;
    public String unit;
    @Column(name = "sla_days")
    public int slaDays;
    @Enumerated(EnumType.STRING)
    public Priority priority;
    public boolean active;

    public static Optional<Category> active(String ward, String code) {
        return find("ward = ?1 and code = ?2 and active = true", ward, code).firstResultOptional();
    }

    public static List<Category> activeOf(String ward) {
        return list("ward = ?1 and active = true order by code", ward);
    }
}

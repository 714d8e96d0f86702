package vn.friendlygov.notification.readmodel;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A ward as the registry describes it (criteria.ward-events.v1): its kind and name, at the highest version seen. */
@Entity
@Table(name = "ward_profile")
public class WardProfile extends PanacheEntityBase {

    @Id
    public String code;

    /** PHUONG, XA or DAC_KHU. */
    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public long version;
}

package vn.friendlygov.notification.recipient;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import vn.friendlygov.notification.delivery.Addressee;
import vn.friendlygov.notification.delivery.Channel;

/** A person of a unit who hears about reminders outside the app. Contact details are personal data: never logged. */
@Entity
@Table(name = "recipient")
public class Recipient extends PanacheEntityBase {

    public enum Role { OFFICER, HEAD, LEADER }

    @Id
    public UUID id;

    @Column(nullable = false)
    public String ward;

    @Column(nullable = false)
    public String unit;

    @Column(nullable = false)
    public String role;

    @Column(nullable = false)
    public String name;

    public String email;

    public String phone;

    @Column(name = "zalo_user_id")
    public String zaloUserId;

    /** Preferred channels in order, comma separated (EMAIL,ZALO,SMS): the first is tried, the next are fallbacks. */
    @Column(nullable = false)
    public String channels;

    @Column(name = "quiet_start")
    public LocalTime quietStart;

    @Column(name = "quiet_end")
    public LocalTime quietEnd;

    @Column(nullable = false)
    public boolean active = true;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    public List<Channel> channelList() {
        return channels.isBlank() ? List.of()
                : Arrays.stream(channels.split(",")).map(String::strip).map(Channel::valueOf).toList();
    }

    public Addressee addressee() {
        return new Addressee(email, phone, channelList(), quietStart, quietEnd);
    }

    public static List<Recipient> of(String ward, String unit, Role role) {
        return list("ward = ?1 and unit = ?2 and role = ?3 and active = true order by createdAt", ward, unit, role.name());
    }

    public static List<Recipient> leadersOf(String ward) {
        return list("ward = ?1 and role = ?2 and active = true order by createdAt", ward, Role.LEADER.name());
    }
}

package vn.friendlygov.notification.letter;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import vn.friendlygov.notification.delivery.Addressee;
import vn.friendlygov.notification.delivery.Channel;

/** A letter of the ward: a DRAFT until a leader approves it, then ISSUED with its number; the table is the register. */
@Entity
@Table(name = "letter")
public class Letter extends PanacheEntityBase {

    public enum Status { DRAFT, ISSUED }

    @Id
    public UUID id;

    @Column(nullable = false)
    public String ward;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String status;

    @Column(name = "recipient_name", nullable = false)
    public String recipientName;

    @Column(name = "recipient_address")
    public String recipientAddress;

    /** Where the issued letter is sent (PDF attached); personal data, entered by staff or the approving leader. */
    @Column(name = "recipient_email")
    public String recipientEmail;

    /** For a Zalo notice or an SMS when the letter cannot go by e-mail. */
    @Column(name = "recipient_phone")
    public String recipientPhone;

    @Column(nullable = false, columnDefinition = "text")
    public String body;

    /** The feedback case an automatic letter answers (one apology per case). */
    @Column(name = "subject_id")
    public String subjectId;

    public Integer number;

    public Integer year;

    public String symbol;

    @Column(name = "issued_on")
    public LocalDate issuedOn;

    @Column(name = "signer_title", nullable = false)
    public String signerTitle;

    @Column(name = "signer_name")
    public String signerName;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "approved_by")
    public String approvedBy;

    @Column(name = "approved_at")
    public OffsetDateTime approvedAt;

    /** E-mail carries the letter itself, so it comes first; Zalo and SMS can only say that it was issued. */
    public Addressee addressee() {
        return new Addressee(recipientEmail, recipientPhone, List.of(Channel.EMAIL, Channel.ZALO, Channel.SMS), null,
                null);
    }

    /** "12/TXL-UBND", or null for a draft. */
    public String numberAndSymbol() {
        return number == null ? null : number + "/" + symbol;
    }
}

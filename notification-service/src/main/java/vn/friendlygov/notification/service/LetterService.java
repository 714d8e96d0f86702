package vn.friendlygov.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import vn.friendlygov.common.calendar.HolidayCalendar;
import vn.friendlygov.common.problem.ProblemException;
import vn.friendlygov.common.problem.ProblemType;
import vn.friendlygov.common.text.VietnameseText;
import vn.friendlygov.notification.letter.Letter;
import vn.friendlygov.notification.letter.LetterKind;
import vn.friendlygov.notification.letter.LetterPdf;
import vn.friendlygov.notification.readmodel.FeedbackView;

/** Drafts, approval with numbering, and rendering of the ward's letters. */
@ApplicationScoped
public class LetterService {

    static final String SYSTEM = "notification-service";

    private final EntityManager em;
    private final Letterhead letterhead;
    private final Clock clock;

    public LetterService(EntityManager em, Letterhead letterhead, Clock clock) {
        this.em = em;
        this.letterhead = letterhead;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Letter draft(String ward, LetterKind kind, String recipientName, String address, String body,
            String subjectId, String createdBy) {
        return draft(ward, kind, recipientName, address, null, null, body, subjectId, createdBy);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Letter draft(String ward, LetterKind kind, String recipientName, String address, String email,
            String phone, String body, String subjectId, String createdBy) {
        Letter l = new Letter();
        l.id = UUID.randomUUID();
        l.ward = ward;
        l.kind = kind.name();
        l.status = Letter.Status.DRAFT.name();
        l.recipientName = recipientName;
        l.recipientAddress = address;
        l.recipientEmail = VietnameseText.blankToNull(email);
        l.recipientPhone = VietnameseText.blankToNull(phone);
        l.body = body == null || body.isBlank() ? kind.defaultBody() : body;
        l.subjectId = subjectId;
        l.signerTitle = "CHỦ TỊCH";
        l.createdBy = createdBy;
        l.createdAt = OffsetDateTime.now(clock);
        l.persist();
        return l;
    }

    /**
     * The plan asks for an apology for every case answered late: one draft per case (feedback events carry no
     * personal data, so staff fill in the citizen's name and contact from the case, or the approving leader does).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void draftApologyFor(FeedbackView f) {
        if (Letter.count("ward = ?1 and kind = ?2 and subjectId = ?3", f.ward, LetterKind.APOLOGY.name(),
                f.feedbackId) > 0) {
            return;
        }
        String code = f.trackingCode == null ? f.feedbackId : f.trackingCode;
        draft(f.ward, LetterKind.APOLOGY, "Công dân có phản ánh mã số " + code, null,
                LetterKind.APOLOGY.defaultBody(), f.feedbackId, SYSTEM);
    }

    /**
     * Approves a draft: it gets the next number of the ward's register for the year and today's date. The leader
     * may give or correct the addressee's e-mail and phone (where the issued letter is sent).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Letter approve(Letter l, String approver, String signerName, String email, String phone) {
        if (!Letter.Status.DRAFT.name().equals(l.status)) {
            throw new ProblemException(ProblemType.ILLEGAL_TRANSITION, "letter " + l.id + " is already " + l.status);
        }
        LocalDate today = OffsetDateTime.now(clock).atZoneSameInstant(HolidayCalendar.ZONE).toLocalDate();
        // numbers are consecutive per ward and year: serialise the approvals of one register
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "letter-register:" + l.ward + ":" + today.getYear()).getSingleResult();
        Number max = (Number) em.createNativeQuery("select coalesce(max(number), 0) from letter where ward = ?1 and year = ?2")
                .setParameter(1, l.ward).setParameter(2, today.getYear()).getSingleResult();
        l.number = max.intValue() + 1;
        l.year = today.getYear();
        l.symbol = LetterKind.valueOf(l.kind).symbol();
        l.issuedOn = today;
        l.status = Letter.Status.ISSUED.name();
        l.approvedBy = approver;
        l.approvedAt = OffsetDateTime.now(clock);
        if (signerName != null && !signerName.isBlank()) {
            l.signerName = signerName;
        }
        if (email != null && !email.isBlank()) {
            l.recipientEmail = email.strip();
        }
        if (phone != null && !phone.isBlank()) {
            l.recipientPhone = phone.strip();
        }
        return l;
    }

    /** "Phù Liễn, ngày 05 tháng 02 năm 2026": days below 10 and months below 3 take a leading zero (NĐ 30/2020). */
    static String placeAndDate(String place, LocalDate d) {
        String day = (d.getDayOfMonth() < 10 ? "0" : "") + d.getDayOfMonth();
        String month = (d.getMonthValue() < 3 ? "0" : "") + d.getMonthValue();
        return place + ", ngày " + day + " tháng " + month + " năm " + d.getYear();
    }

    public byte[] pdf(Letter l) {
        Letterhead.Issuer issuer = letterhead.of(l.ward);
        LocalDate date = l.issuedOn != null ? l.issuedOn
                : OffsetDateTime.now(clock).atZoneSameInstant(HolidayCalendar.ZONE).toLocalDate();
        String number = l.number == null ? "Số:      /" + LetterKind.valueOf(l.kind).symbol()
                : "Số: " + l.number + "/" + l.symbol;
        return LetterPdf.render(new LetterPdf.Content("ỦY BAN NHÂN DÂN", issuer.upper(), number,
                placeAndDate(issuer.name(), date),
                LetterKind.valueOf(l.kind).heading(), "Kính gửi: " + l.recipientName, l.recipientAddress, l.body,
                "TM. ỦY BAN NHÂN DÂN", l.signerTitle, l.signerName));
    }
}

package vn.friendlygov.notification.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import vn.friendlygov.common.text.VietnameseText;
import vn.friendlygov.notification.delivery.Attachment;
import vn.friendlygov.notification.delivery.Channel;
import vn.friendlygov.notification.delivery.OutgoingMessage;
import vn.friendlygov.notification.delivery.SmsSender;
import vn.friendlygov.notification.letter.Letter;
import vn.friendlygov.notification.letter.LetterKind;
import vn.friendlygov.notification.reminder.ReminderPolicy;

/**
 * Sends an issued letter to its addressee: by e-mail with the PDF attached, else (or when e-mail fails for good) a
 * Zalo notice or an SMS saying it was issued. The message is created in the approval's transaction and then goes
 * through the same delivery worker as reminders (attempts, retries, fallback, delivery events). A letter without
 * any contact is handed over on paper; the register says so.
 */
@ApplicationScoped
public class LetterDelivery {

    public static final String KIND = "LETTER";
    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final Locale VI = Locale.forLanguageTag("vi");

    /** How far an issued letter got, as the register shows it. */
    public record State(String state, String channel, int attempts, OffsetDateTime sentAt, String lastError) {
        /** No contact was given: the letter is handed over on paper. */
        public static final String NOT_SENT = "NOT_SENT";
    }

    private final EntityManager em;
    private final Messages messages;
    private final LetterService letters;
    private final Letterhead letterhead;
    private final ObjectMapper mapper;

    public LetterDelivery(EntityManager em, Messages messages, LetterService letters, Letterhead letterhead,
            ObjectMapper mapper) {
        this.em = em;
        this.messages = messages;
        this.letters = letters;
        this.letterhead = letterhead;
        this.mapper = mapper;
    }

    /**
     * Queues the letter on its addressee's first reachable channel; returns that channel, if any. Each call is a new
     * sending round (its own source key), so a letter whose delivery failed can be sent again to a corrected contact.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Channel> send(Letter l) {
        if (!Letter.Status.ISSUED.name().equals(l.status)) {
            throw new IllegalStateException("only an issued letter is sent");
        }
        long rounds = (Long) em.createQuery("select count(distinct sourceKey) from OutgoingMessage where letterId = ?1")
                .setParameter(1, l.id).getSingleResult();
        Optional<Channel> first = messages.nextChannel(l.addressee(), null, KIND);
        first.ifPresent(c -> messages.createForLetter(l, ReminderPolicy.of(l.ward).leaderUnit, c,
                content(l, rounds + 1), null));
        return first;
    }

    /** The PDF travels with the e-mail. */
    public List<Attachment> attachments(Letter l) {
        return List.of(new Attachment(fileName(l), "application/pdf", letters.pdf(l)));
    }

    /** "Thư xin lỗi số 12-TXL-UBND.pdf": the heading in sentence case, the number without its slash. */
    static String fileName(Letter l) {
        return title(l) + " số " + l.number + "-" + l.symbol + ".pdf";
    }

    Messages.Content content(Letter l, long round) {
        Letterhead.Issuer issuer = letterhead.of(l.ward);
        String committee = issuer.committee();
        String number = l.numberAndSymbol();
        String date = DMY.format(l.issuedOn);
        String subject = title(l) + " số " + number + " của " + committee;
        String text = "Kính gửi: " + l.recipientName + "\n\n"
                + committee + " trân trọng gửi " + title(l).toLowerCase(VI) + " số " + number
                + " ngày " + date + " (tệp PDF đính kèm).\n\n" + l.body;
        String html = "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"></head><body>"
                + "<p>Kính gửi: " + Html.escape(l.recipientName) + "</p><p>" + Html.escape(committee)
                + " trân trọng gửi " + Html.escape(title(l).toLowerCase(VI)) + " số " + Html.escape(number) + " ngày "
                + date + " (tệp PDF đính kèm).</p><p>" + Html.escape(l.body).replace("\n", "<br>")
                + "</p></body></html>";
        Map<String, String> params = new LinkedHashMap<>();
        params.put("name", l.recipientName);
        params.put("number", number);
        params.put("date", date);
        params.put("heading", title(l));
        // a text message cannot carry the letter: it says the letter exists and where to collect the original
        params.put(SmsSender.TEXT, "Kính gửi " + l.recipientName + ": " + committee + " đã ban hành "
                + title(l).toLowerCase(VI) + " số " + number + " ngày " + date
                + ". Bản chính xin nhận tại Ủy ban nhân dân " + issuer.kindLower() + ".");
        try {
            return new Messages.Content("LETTER:" + l.id + ":" + round, KIND, subject, text, html, mapper.writeValueAsString(params));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The register's view of the letter's messages: SENT on any channel, else PENDING, else FAILED (with the last
     * channel tried: the message no other one fell back from); no message at all: NOT_SENT.
     */
    public static State state(List<OutgoingMessage> ofLetter) {
        if (ofLetter.isEmpty()) {
            return new State(State.NOT_SENT, null, 0, null, null);
        }
        int attempts = ofLetter.stream().mapToInt(m -> m.attempts).sum();
        Optional<OutgoingMessage> current = ofLetter.stream().filter(m -> "SENT".equals(m.status)).findFirst()
                .or(() -> ofLetter.stream().filter(m -> "PENDING".equals(m.status)).findFirst())
                .or(() -> ofLetter.stream().filter(m -> ofLetter.stream().noneMatch(x -> m.id.equals(x.fallbackOf)))
                        .findFirst());
        OutgoingMessage m = current.orElseThrow();
        return new State(m.status, m.channel, attempts, m.sentAt, m.lastError);
    }

    /** "THƯ XIN LỖI" → "Thư xin lỗi". */
    static String title(Letter l) {
        String heading = LetterKind.valueOf(l.kind).heading().toLowerCase(VI);
        return VietnameseText.nfc(heading.substring(0, 1).toUpperCase(VI) + heading.substring(1));
    }
}

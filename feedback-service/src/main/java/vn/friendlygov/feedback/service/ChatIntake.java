package vn.friendlygov.feedback.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import vn.friendlygov.feedback.intake.Feedback;
import vn.friendlygov.feedback.intake.FeedbackChannel;
import vn.friendlygov.feedback.intake.FeedbackMessage;
import vn.friendlygov.feedback.intake.FeedbackStatus;
import vn.friendlygov.feedback.intake.PlainText;

/**
 * A chat message (Zalo, Facebook) becomes a case, or joins the same person's case while it is still open: people
 * send a text, then a photo, then a correction, and that is one matter, not three.
 */
@ApplicationScoped
public class ChatIntake {

    /** An image or file sent with the message. */
    public record Attachment(String kind, String url) {
    }

    private final IntakeService intake;
    private final History history;

    public ChatIntake(IntakeService intake, History history) {
        this.intake = intake;
        this.history = history;
    }

    /** @return the tracking code of the case the message went to */
    @Transactional(Transactional.TxType.MANDATORY)
    public String receive(FeedbackChannel channel, String ward, String senderId, String text,
            List<Attachment> attachments, String category) {
        List<Attachment> usable = attachments.stream()
                .filter(a -> a.url() != null && a.url().length() <= 2000 && a.url().matches("https?://\\S+")).toList();
        String clean = PlainText.cleanOrNull(text);
        Feedback open = Feedback.<Feedback>find("channel = ?1 and channelUserId = ?2 and ward = ?3 and status in ?4"
                + " order by receivedAt desc", channel, senderId, ward, FeedbackStatus.OPEN).firstResult();
        if (open != null) {
            if (clean != null) {
                message(open, "TEXT", clean, null);
            }
            usable.forEach(a -> message(open, a.kind(), null, a.url()));
            history.record(open, channel.name().toLowerCase(), "MESSAGE", open.status, null);
            return open.trackingCode;
        }
        String content = clean != null ? clean
                : "(Công dân gửi " + (usable.isEmpty() ? "tin nhắn không có nội dung" : "ảnh/tệp đính kèm") + ")";
        List<String> photos = usable.stream().filter(a -> a.kind().equals("IMAGE")).map(Attachment::url).limit(10)
                .toList();
        Submission s = Submission.of(ward, channel, category, content, channel.name().toLowerCase())
                .withPlace(null, null, photos).withChannelUser(senderId);
        Feedback f = intake.receive(s, "");
        usable.stream().filter(a -> !a.kind().equals("IMAGE")).forEach(a -> message(f, a.kind(), null, a.url()));
        return f.trackingCode;
    }

    private static void message(Feedback f, String kind, String text, String url) {
        FeedbackMessage m = new FeedbackMessage();
        m.id = UUID.randomUUID();
        m.feedbackId = f.id;
        m.receivedAt = OffsetDateTime.now(ZoneOffset.UTC);
        m.kind = kind;
        m.text = text;
        m.url = url;
        m.persist();
    }
}

package vn.friendlygov.notification.delivery;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import vn.friendlygov.notification.config.NotificationConfig;

/**
 * E-mail over SMTP: an HTML part and a plain-text part, and the files (multipart/mixed); the mailer encodes the
 * Vietnamese subject (RFC 2047). A Vietnamese file name is sent as RFC 2231 {@code filename*=UTF-8''…} with an
 * ASCII {@code filename} for old readers.
 */
@ApplicationScoped
public class EmailSender implements ChannelSender {

    private final Mailer mailer;
    private final NotificationConfig config;

    public EmailSender(Mailer mailer, NotificationConfig config) {
        this.mailer = mailer;
        this.config = config;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public boolean reaches(Addressee to) {
        return to.hasEmail();
    }

    @Override
    public SendResult send(OutgoingMessage m, Addressee to, List<Attachment> attachments) {
        if (!reaches(to)) {
            return SendResult.permanent("addressee has no e-mail address");
        }
        Mail mail = Mail.withText(to.email(), m.subject, m.bodyText).setFrom(config.mail().from());
        if (m.bodyHtml != null) {
            mail.setHtml(m.bodyHtml);
        }
        for (Attachment a : attachments) {
            // no name given to the mailer: it would put an RFC 2047 word inside the quoted filename, which RFC 2231
            // readers do not decode; the parameters are written here instead
            String ascii = ascii(a.fileName());
            mail.addAttachment(null, a.data(), a.contentType() + "; name=\"" + ascii + "\"", null,
                    "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + rfc2231(a.fileName()));
        }
        mail.addHeader("X-Friendlygov-Message-Id", m.id.toString());
        try {
            mailer.send(mail);
            return SendResult.ok("250 accepted by SMTP relay");
        } catch (RuntimeException e) {
            return SendResult.retry("SMTP: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** "Thư xin lỗi số 12-TXL-UBND.pdf" → "Thu xin loi so 12-TXL-UBND.pdf" (đ → d), for readers without RFC 2231. */
    static String ascii(String name) {
        String folded = Normalizer.normalize(name.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        return folded.replaceAll("[^A-Za-z0-9 ._()-]", "_");
    }

    /** RFC 2231 value: UTF-8 bytes, attribute-chars as they are, everything else %XX. */
    static String rfc2231(String name) {
        StringBuilder b = new StringBuilder();
        for (byte x : Normalizer.normalize(name, Normalizer.Form.NFC).getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            boolean alphanumeric = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (alphanumeric || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                b.append((char) c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return b.toString();
    }
}

package vn.friendlygov.notification.delivery;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import vn.friendlygov.notification.config.NotificationConfig;
import vn.friendlygov.notification.recipient.Recipient;

/** E-mail over SMTP: an HTML part and a plain-text part; the mailer encodes the Vietnamese subject (RFC 2047). */
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
    public boolean reaches(Recipient r) {
        return r.email != null && !r.email.isBlank();
    }

    @Override
    public SendResult send(OutgoingMessage m, Recipient r) {
        if (!reaches(r)) {
            return SendResult.permanent("recipient has no e-mail address");
        }
        Mail mail = Mail.withText(r.email, m.subject, m.bodyText).setFrom(config.mail().from());
        if (m.bodyHtml != null) {
            mail.setHtml(m.bodyHtml);
        }
        mail.addHeader("X-Friendlygov-Message-Id", m.id.toString());
        try {
            mailer.send(mail);
            return SendResult.ok("250 accepted by SMTP relay");
        } catch (RuntimeException e) {
            return SendResult.retry("SMTP: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}

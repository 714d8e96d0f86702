package vn.friendlygov.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import vn.friendlygov.common.calendar.HolidayCalendar;
import vn.friendlygov.notification.delivery.Addressee;
import vn.friendlygov.notification.delivery.Channel;
import vn.friendlygov.notification.delivery.ChannelSender;
import vn.friendlygov.notification.delivery.OutgoingMessage;
import vn.friendlygov.notification.letter.Letter;
import vn.friendlygov.notification.recipient.Recipient;

/** Creates outgoing messages: one per addressee on the first channel that reaches them, after their quiet hours. */
@ApplicationScoped
public class Messages {

    /** The fields of a message, whoever it is for. */
    public record Content(String sourceKey, String kind, String subject, String text, String html, String params) {
    }

    private final EntityManager em;
    private final Clock clock;
    private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);

    public Messages(EntityManager em, Clock clock, Instance<ChannelSender> all) {
        this.em = em;
        this.clock = clock;
        all.forEach(s -> senders.put(s.channel(), s));
    }

    public ChannelSender sender(Channel c) {
        return senders.get(c);
    }

    /** The addressee's next channel after {@code after} (null: the first) that reaches them and carries the kind. */
    public Optional<Channel> nextChannel(Addressee to, Channel after, String kind) {
        List<Channel> list = to.channels();
        int from = after == null ? 0 : list.indexOf(after) + 1;
        for (int i = from; i < list.size(); i++) {
            ChannelSender s = senders.get(list.get(i));
            if (s != null && s.reaches(to) && s.carries(kind)) {
                return Optional.of(list.get(i));
            }
        }
        return Optional.empty();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void toAll(List<Recipient> recipients, String sourceKey, String kind, String subject, String text, String html) {
        for (Recipient r : recipients) {
            nextChannel(r.addressee(), null, kind)
                    .ifPresent(c -> create(r, c, sourceKey, kind, subject, text, html, null));
        }
    }

    /** Inserts the message unless this source already has one for this recipient and channel. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID create(Recipient r, Channel channel, String sourceKey, String kind, String subject, String text,
            String html, UUID fallbackOf) {
        return insert(r.ward, r.unit, r.id, null, r.addressee(), channel,
                new Content(sourceKey, kind, subject, text, html, null), fallbackOf);
    }

    /** Inserts the message delivering an issued letter over this channel, unless the letter already has one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID createForLetter(Letter l, String unit, Channel channel, Content content, UUID fallbackOf) {
        return insert(l.ward, unit, null, l.id, l.addressee(), channel, content, fallbackOf);
    }

    /** The same message on another channel, after the first one failed for good. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID fallback(OutgoingMessage m, Addressee to, Channel channel) {
        return insert(m.ward, m.unit, m.recipientId, m.letterId, to, channel,
                new Content(m.sourceKey, m.kind, m.subject, m.bodyText, m.bodyHtml, m.params), m.id);
    }

    private UUID insert(String ward, String unit, UUID recipientId, UUID letterId, Addressee to, Channel channel,
            Content c, UUID fallbackOf) {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(clock);
        // reminders are unique per (source, recipient, channel), letters per (letter, channel)
        em.createNativeQuery("insert into outgoing_message (id, ward, unit, recipient_id, letter_id, channel, kind, "
                + "subject, body_text, body_html, params, source_key, status, attempts, next_attempt_at, fallback_of, "
                + "created_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 'PENDING', 0, ?13, ?14, ?15) "
                + "on conflict do nothing")
                .setParameter(1, id).setParameter(2, ward).setParameter(3, unit).setParameter(4, recipientId)
                .setParameter(5, letterId).setParameter(6, channel.name()).setParameter(7, c.kind())
                .setParameter(8, c.subject()).setParameter(9, c.text()).setParameter(10, c.html())
                .setParameter(11, c.params()).setParameter(12, c.sourceKey())
                .setParameter(13, afterQuietHours(to.quietStart(), to.quietEnd(), now))
                .setParameter(14, fallbackOf).setParameter(15, now)
                .executeUpdate();
        return id;
    }

    /** The first moment at or after {@code now} outside the quiet hours (local time of the ward). */
    static OffsetDateTime afterQuietHours(LocalTime quietStart, LocalTime quietEnd, OffsetDateTime now) {
        if (quietStart == null || quietEnd == null || quietStart.equals(quietEnd)) {
            return now;
        }
        ZonedDateTime local = now.atZoneSameInstant(HolidayCalendar.ZONE);
        LocalTime t = local.toLocalTime();
        boolean overnight = quietStart.isAfter(quietEnd);
        boolean quiet = overnight ? !t.isBefore(quietStart) || t.isBefore(quietEnd)
                : !t.isBefore(quietStart) && t.isBefore(quietEnd);
        if (!quiet) {
            return now;
        }
        ZonedDateTime end = local.with(quietEnd);
        if (!end.isAfter(local)) {
            end = end.plusDays(1);
        }
        return end.toOffsetDateTime().withOffsetSameInstant(now.getOffset());
    }
}

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
import vn.friendlygov.notification.delivery.Channel;
import vn.friendlygov.notification.delivery.ChannelSender;
import vn.friendlygov.notification.delivery.OutgoingMessage;
import vn.friendlygov.notification.recipient.Recipient;

/** Creates outgoing messages: one per recipient on the first channel that reaches them, after their quiet hours. */
@ApplicationScoped
public class Messages {

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

    /** The recipient's next channel after {@code after} (null: the first) that can reach them. */
    public Optional<Channel> nextChannel(Recipient r, Channel after) {
        List<Channel> list = r.channelList();
        int from = after == null ? 0 : list.indexOf(after) + 1;
        for (int i = from; i < list.size(); i++) {
            ChannelSender s = senders.get(list.get(i));
            if (s != null && s.reaches(r)) {
                return Optional.of(list.get(i));
            }
        }
        return Optional.empty();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void toAll(List<Recipient> recipients, String sourceKey, String kind, String subject, String text, String html) {
        for (Recipient r : recipients) {
            nextChannel(r, null).ifPresent(c -> create(r, c, sourceKey, kind, subject, text, html, null));
        }
    }

    /** Inserts the message unless this source already has one for this recipient and channel. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID create(Recipient r, Channel channel, String sourceKey, String kind, String subject, String text,
            String html, UUID fallbackOf) {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(clock);
        em.createNativeQuery("insert into outgoing_message (id, ward, unit, recipient_id, channel, kind, subject, "
                + "body_text, body_html, source_key, status, attempts, next_attempt_at, fallback_of, created_at) "
                + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 'PENDING', 0, ?11, ?12, ?13) "
                + "on conflict (source_key, recipient_id, channel) do nothing")
                .setParameter(1, id).setParameter(2, r.ward).setParameter(3, r.unit).setParameter(4, r.id)
                .setParameter(5, channel.name()).setParameter(6, kind).setParameter(7, subject).setParameter(8, text)
                .setParameter(9, html).setParameter(10, sourceKey).setParameter(11, afterQuietHours(r, now))
                .setParameter(12, fallbackOf).setParameter(13, now)
                .executeUpdate();
        return id;
    }

    /** The first moment at or after {@code now} outside the recipient's quiet hours (local time of the ward). */
    static OffsetDateTime afterQuietHours(Recipient r, OffsetDateTime now) {
        if (r.quietStart == null || r.quietEnd == null || r.quietStart.equals(r.quietEnd)) {
            return now;
        }
        ZonedDateTime local = now.atZoneSameInstant(HolidayCalendar.ZONE);
        LocalTime t = local.toLocalTime();
        boolean overnight = r.quietStart.isAfter(r.quietEnd);
        boolean quiet = overnight ? !t.isBefore(r.quietStart) || t.isBefore(r.quietEnd)
                : !t.isBefore(r.quietStart) && t.isBefore(r.quietEnd);
        if (!quiet) {
            return now;
        }
        ZonedDateTime end = local.with(r.quietEnd);
        if (!end.isAfter(local)) {
            end = end.plusDays(1);
        }
        return end.toOffsetDateTime().withOffsetSameInstant(now.getOffset());
    }
}

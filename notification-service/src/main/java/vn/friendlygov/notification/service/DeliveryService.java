package vn.friendlygov.notification.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.jpa.SpecHints;
import vn.friendlygov.common.outbox.Outbox;
import vn.friendlygov.notification.config.NotificationConfig;
import vn.friendlygov.notification.delivery.Addressee;
import vn.friendlygov.notification.delivery.Channel;
import vn.friendlygov.notification.delivery.DeliveryAttempt;
import vn.friendlygov.notification.delivery.OutgoingMessage;
import vn.friendlygov.notification.delivery.SendResult;
import vn.friendlygov.notification.inbox.InboxService;
import vn.friendlygov.notification.letter.Letter;
import vn.friendlygov.notification.messaging.DeliveryEvent;
import vn.friendlygov.notification.recipient.Recipient;

/**
 * Hands due messages to their providers. Every attempt is recorded; a failure is retried with doubling backoff;
 * after the last attempt (or at once when the provider refuses for good) the message is FAILED, the recipient's next
 * channel gets a copy, and a delivery.failed event is published. A refusal for good also goes to the dead-letter
 * topic, for an operator to look at. Safe with several replicas: rows are taken with SKIP LOCKED.
 */
@ApplicationScoped
public class DeliveryService {

    public static final String TOPIC = "notification.delivery-events.v1";
    public static final String DEAD_LETTER_TOPIC = "notification.dead-letter.v1";
    static final String SENT = "vn.friendlygov.notification.delivery.sent.v1";
    static final String FAILED = "vn.friendlygov.notification.delivery.failed.v1";
    static final String DEAD = "vn.friendlygov.notification.delivery.undeliverable.v1";

    private final EntityManager em;
    private final Messages messages;
    private final LetterDelivery letterDelivery;
    private final InboxService inbox;
    private final Outbox outbox;
    private final NotificationConfig config;
    private final Clock clock;

    public DeliveryService(EntityManager em, Messages messages, LetterDelivery letterDelivery, InboxService inbox,
            Outbox outbox, NotificationConfig config, Clock clock) {
        this.em = em;
        this.messages = messages;
        this.letterDelivery = letterDelivery;
        this.inbox = inbox;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(skipExecutionIf = Scheduled.ApplicationNotRunning.class,
            every = "${notification.delivery.every:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "notification-delivery")
    void scheduled() {
        while (deliverDue() == config.delivery().batchSize()) {
            // a full batch: more may be due
        }
    }

    /** One round: returns how many messages were attempted. */
    public int deliverDue() {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<OutgoingMessage> due = em.createQuery("from OutgoingMessage where status = 'PENDING' "
                    + "and nextAttemptAt <= :now order by nextAttemptAt, id", OutgoingMessage.class)
                    .setParameter("now", OffsetDateTime.now(clock))
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                    .setHint(SpecHints.HINT_SPEC_LOCK_TIMEOUT, -2) // SKIP LOCKED
                    .setMaxResults(config.delivery().batchSize())
                    .getResultList();
            due.forEach(this::attempt);
            return due.size();
        });
    }

    private void attempt(OutgoingMessage m) {
        Channel channel = Channel.valueOf(m.channel);
        Letter letter = m.letterId == null ? null : Letter.findById(m.letterId);
        Recipient r = m.recipientId == null ? null : Recipient.findById(m.recipientId);
        // a person who left the ward is not written to any more; a letter's addressee always can be
        Addressee to = letter != null ? letter.addressee() : r != null && r.active ? r.addressee() : null;
        SendResult result = to == null ? SendResult.permanent("recipient no longer active")
                : messages.sender(channel).send(m, to,
                        letter != null && channel == Channel.EMAIL ? letterDelivery.attachments(letter) : List.of());
        OffsetDateTime now = OffsetDateTime.now(clock);
        DeliveryAttempt a = new DeliveryAttempt();
        a.id = UUID.randomUUID();
        a.messageId = m.id;
        a.channel = m.channel;
        a.attemptedAt = now;
        a.success = result.ok();
        a.providerAnswer = result.answer();
        a.persist();
        m.attempts++;
        if (result.ok()) {
            m.status = OutgoingMessage.Status.SENT.name();
            m.sentAt = now;
            m.lastError = null;
            publish(SENT, m, null);
            return;
        }
        m.lastError = result.answer();
        if (!result.permanent() && m.attempts < config.delivery().maxAttempts()) {
            m.nextAttemptAt = now.plus(backoff(m.attempts));
            return;
        }
        m.status = OutgoingMessage.Status.FAILED.name();
        Optional<Channel> next = to == null ? Optional.empty() : messages.nextChannel(to, channel, m.kind);
        // without another channel the in-app inbox is what remains: a reminder is there already; for a letter the
        // issuing unit hears that it must be handed over on paper
        m.fallbackChannel = next.map(Channel::name).orElse(Channel.INBOX.name());
        next.ifPresent(c -> messages.fallback(m, to, c));
        if (next.isEmpty() && letter != null) {
            inbox.notify(m.ward, m.unit, "LETTER_UNDELIVERED", "Thư số " + letter.numberAndSymbol()
                    + " chưa gửi được đến " + letter.recipientName,
                    "Không gửi được qua " + m.channel + ": " + result.answer() + ". Đề nghị gửi bản giấy.",
                    letter.id.toString(), "letter-undelivered:" + m.id);
        }
        publish(FAILED, m, result.answer());
        if (result.permanent()) {
            outbox.publish(DEAD_LETTER_TOPIC, DEAD, m.id.toString(), m.ward,
                    new DeliveryEvent(m.id.toString(), m.ward, m.unit, m.channel, m.kind, m.attempts, result.answer()));
        }
    }

    Duration backoff(int attemptsSoFar) {
        return config.delivery().backoff().multipliedBy(1L << Math.min(attemptsSoFar - 1, 16));
    }

    private void publish(String type, OutgoingMessage m, String reason) {
        outbox.publish(TOPIC, type, m.id.toString(), m.ward,
                new DeliveryEvent(m.id.toString(), m.ward, m.unit, m.channel, m.kind, m.attempts, reason));
    }
}

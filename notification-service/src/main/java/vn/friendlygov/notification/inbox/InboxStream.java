package vn.friendlygov.notification.inbox;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/**
 * Fans committed inbox notifications out to the open SSE connections of this replica. Each replica consumes its
 * share of the partitions and runs the dispatcher too, so a front end connected to one replica only hears what that
 * replica created; see docs/2026-11-26-notification-inbox-stream.md for why that is accepted for now.
 */
@ApplicationScoped
public class InboxStream {

    private final BroadcastProcessor<InboxNotificationCreated> processor = BroadcastProcessor.create();

    void onCreated(@Observes(during = TransactionPhase.AFTER_SUCCESS) InboxNotificationCreated event) {
        processor.onNext(event);
    }

    public Multi<InboxNotificationCreated> of(String ward, String unit) {
        return processor.filter(e -> e.ward().equals(ward) && e.unit().equals(unit));
    }
}

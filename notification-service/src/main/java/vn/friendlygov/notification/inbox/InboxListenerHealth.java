package vn.friendlygov.notification.inbox;

import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Whether this replica's live inbox stream hears the database ({@code /q/health/well}). A wellness check, not a
 * readiness one: without it the APIs still answer and the front end falls back to reloading the inbox, and the
 * listener reconnects by itself, so taking the replica out of service (or restarting it) would do more harm than good.
 */
@Wellness
@ApplicationScoped
public class InboxListenerHealth implements HealthCheck {

    private final InboxListener listener;

    public InboxListenerHealth(InboxListener listener) {
        this.listener = listener;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("inbox-live-stream").status(listener.listening())
                .withData("listens", listener.listens()).build();
    }
}

package vn.friendlygov.notification.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import vn.friendlygov.common.problem.ProblemException;
import vn.friendlygov.common.security.Actor;
import vn.friendlygov.common.security.Roles;
import vn.friendlygov.notification.delivery.DeliveryAttempt;
import vn.friendlygov.notification.delivery.OutgoingMessage;

/**
 * What was sent to whom over which channel, with every attempt and the provider's answers: for the ward's leaders
 * and admins to see what did not get through. Contact details are not shown, only the recipient's id.
 */
@Path("/api/v1/messages")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.LEADER, Roles.ADMIN})
public class MessageResource {

    private final Actor actor;

    public MessageResource(Actor actor) {
        this.actor = actor;
    }

    public record AttemptView(OffsetDateTime at, String channel, boolean success, String providerAnswer) {
    }

    public record MessageView(UUID id, String unit, UUID recipientId, String channel, String kind, String subject,
            String status, int attempts, OffsetDateTime nextAttemptAt, String lastError, String fallbackChannel,
            UUID fallbackOf, OffsetDateTime sentAt, List<AttemptView> history) {
    }

    @GET
    @Transactional
    public List<MessageView> list(@QueryParam("status") OutgoingMessage.Status status, @QueryParam("unit") String unit) {
        String ward = actor.ward();
        if (ward == null) {
            throw ProblemException.forbidden("messages belong to a ward; your token names none");
        }
        StringBuilder q = new StringBuilder("ward = :ward");
        var params = new java.util.HashMap<String, Object>();
        params.put("ward", ward);
        if (status != null) {
            q.append(" and status = :status");
            params.put("status", status.name());
        }
        if (unit != null) {
            q.append(" and unit = :unit");
            params.put("unit", unit);
        }
        List<OutgoingMessage> messages = OutgoingMessage.find(q + " order by createdAt desc", params).page(0, 200).list();
        return messages.stream().map(m -> new MessageView(m.id, m.unit, m.recipientId, m.channel, m.kind, m.subject,
                m.status, m.attempts, m.nextAttemptAt, m.lastError, m.fallbackChannel, m.fallbackOf, m.sentAt,
                DeliveryAttempt.<DeliveryAttempt>list("messageId = ?1 order by attemptedAt", m.id).stream()
                        .map(a -> new AttemptView(a.attemptedAt, a.channel, a.success, a.providerAnswer)).toList()))
                .toList();
    }
}

package vn.friendlygov.feedback.chat;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The Messenger Platform's Send API on the Graph API: {@code POST /{version}/me/messages?access_token=PAGE_TOKEN}
 * with the page-scoped id of the person who wrote to the page. Errors come back as HTTP 4xx with
 * {@code {"error": {"message", "type", "code"}}}.
 */
@RegisterRestClient(configKey = "facebook-graph")
public interface FacebookSendApi {

    record Recipient(String id) {
    }

    record Text(String text) {
    }

    /** {@code messaging_type} RESPONSE inside 24 h of the person's message, else MESSAGE_TAG with a tag. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Message(Recipient recipient, @JsonProperty("messaging_type") String messagingType, String tag,
            Text message) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Error(String message, String type, Integer code) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Answer(@JsonProperty("recipient_id") String recipientId, @JsonProperty("message_id") String messageId,
            Error error) {
    }

    @POST
    @Path("/{version}/me/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response send(@PathParam("version") String version, @QueryParam("access_token") String pageAccessToken,
            Message message);
}

package vn.friendlygov.feedback.chat;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The OA's customer-service message API (tin tư vấn), answering a user who wrote to the OA. */
@RegisterRestClient(configKey = "zalo-openapi")
@Path("/v3.0/oa/message/cs")
public interface ZaloMessageApi {

    record Recipient(@JsonProperty("user_id") String userId) {
    }

    record Text(String text) {
    }

    record CsMessage(Recipient recipient, Text message) {
    }

    /** {@code error} 0 is success; -216 and -124 mean the access token is invalid or expired. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Answer(Integer error, String message) {
        boolean ok() {
            return error != null && error == 0;
        }

        boolean tokenRejected() {
            return error != null && (error == -216 || error == -124);
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Answer send(@HeaderParam("access_token") String accessToken, CsMessage message);
}

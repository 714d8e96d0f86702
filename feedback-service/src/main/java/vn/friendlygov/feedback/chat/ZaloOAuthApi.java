package vn.friendlygov.feedback.chat;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** Zalo's OAuth v4 token endpoint for an Official Account: a refresh token buys a new access token. */
@RegisterRestClient(configKey = "zalo-oauth")
@Path("/v4/oa/access_token")
public interface ZaloOAuthApi {

    /** Zalo answers HTTP 200 also on failure, with {@code error} and {@code error_description}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record TokenAnswer(@JsonProperty("access_token") String accessToken,
            @JsonProperty("refresh_token") String refreshToken, @JsonProperty("expires_in") String expiresIn,
            Integer error, @JsonProperty("error_description") String errorDescription) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    TokenAnswer refresh(@HeaderParam("secret_key") String appSecretKey, @FormParam("app_id") String appId,
            @FormParam("refresh_token") String refreshToken, @FormParam("grant_type") String grantType);
}

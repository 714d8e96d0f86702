package vn.friendlygov.feedback.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import vn.friendlygov.common.problem.ProblemException;
import vn.friendlygov.common.security.Actor;
import vn.friendlygov.common.security.Roles;
import vn.friendlygov.feedback.chat.ChatAccount;
import vn.friendlygov.feedback.chat.ChatAccounts;
import vn.friendlygov.feedback.chat.ZaloTokens;
import vn.friendlygov.feedback.service.CategoryCache;

/**
 * The wards' Zalo Official Accounts and Facebook pages (docs/2026-12-03-chat-accounts.md), managed by an admin of the
 * ward (or of the city). One account per channel and ward. Secrets are written, never read back: the answer says only
 * whether a token is held.
 */
@Path("/api/v1/chat-accounts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class ChatAccountResource {

    static final String CHANNEL = "ZALO|FACEBOOK";
    static final String ACCOUNT_ID = "[A-Za-z0-9_.-]{1,100}";

    /** An account as the API shows it. */
    public record AccountView(String channel, String accountId, String ward, String defaultCategory,
            boolean tokenHeld, String updatedBy, OffsetDateTime updatedAt) {
    }

    /**
     * {@code refreshToken}: Zalo, the OA's refresh token from Zalo's OAuth (needed when the OA is new to this service);
     * {@code pageAccessToken}: Facebook, the page's access token (needed when the page is new).
     */
    public record AccountRequest(
            @NotBlank @Size(max = 100) String ward,
            @Size(max = 50) String defaultCategory,
            @Size(min = 10, max = 2000) String refreshToken,
            @Size(min = 10, max = 2000) String pageAccessToken) {
    }

    private final Actor actor;
    private final ZaloTokens tokens;
    private final CategoryCache categories;

    public ChatAccountResource(Actor actor, ZaloTokens tokens, CategoryCache categories) {
        this.actor = actor;
        this.tokens = tokens;
        this.categories = categories;
    }

    @GET
    @Transactional
    public List<AccountView> list(@QueryParam("ward") @NotBlank @Size(max = 100) String ward) {
        actor.requireWard(ward);
        return ChatAccount.<ChatAccount>list("ward = ?1 order by key.channel", ward).stream().map(this::view).toList();
    }

    /** Registers the account for a ward, or changes it (its ward, category or token). */
    @PUT
    @Path("/{channel}/{accountId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public AccountView put(@PathParam("channel") @Pattern(regexp = CHANNEL, message = "must be ZALO or FACEBOOK")
            String channel, @PathParam("accountId") @Pattern(regexp = ACCOUNT_ID,
                    message = "must be the OA id or page id: letters, digits, '.', '_' or '-'") String accountId,
            @NotNull @Valid AccountRequest request) {
        actor.requireWard(request.ward());
        if (!categories.knows(request.ward())) {
            throw ProblemException.invalid("ward", "unknown ward " + request.ward()
                    + ": it takes feedback once it has categories");
        }
        ChatAccount a = ChatAccount.findById(new ChatAccount.Key(channel, accountId));
        if (a != null) {
            actor.requireWard(a.ward); // moving an account needs the right to both wards
        }
        ChatAccount other = ChatAccount.<ChatAccount>find("key.channel = ?1 and ward = ?2", channel, request.ward())
                .firstResult();
        if (other != null && !other.key.accountId.equals(accountId)) {
            throw ProblemException.conflict("ward " + request.ward() + " already answers " + channel + " through "
                    + other.key.accountId + "; remove that account first");
        }
        boolean zalo = ChatAccounts.ZALO.equals(channel);
        if (zalo && request.pageAccessToken() != null) {
            throw ProblemException.invalid("pageAccessToken", "is for a Facebook page; a Zalo OA takes refreshToken");
        }
        if (!zalo && request.refreshToken() != null) {
            throw ProblemException.invalid("refreshToken", "is for a Zalo OA; a Facebook page takes pageAccessToken");
        }
        if (zalo && request.refreshToken() == null && !tokens.stored(accountId)) {
            throw ProblemException.invalid("refreshToken", "is needed: no token of this OA is held yet");
        }
        if (!zalo && request.pageAccessToken() == null && (a == null || a.pageAccessToken == null)) {
            throw ProblemException.invalid("pageAccessToken", "is needed: no token of this page is held yet");
        }
        if (a == null) {
            a = new ChatAccount();
            a.key = new ChatAccount.Key(channel, accountId);
        }
        a.ward = request.ward();
        a.defaultCategory = request.defaultCategory();
        if (request.pageAccessToken() != null) {
            a.pageAccessToken = request.pageAccessToken().strip();
        }
        if (request.refreshToken() != null) {
            tokens.register(accountId, request.refreshToken().strip());
        }
        a.updatedBy = actor.id();
        a.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        a.persist();
        return view(a);
    }

    /** The ward stops taking messages through the account; cases already taken keep their history. */
    @DELETE
    @Path("/{channel}/{accountId}")
    @Transactional
    public void remove(@PathParam("channel") @Pattern(regexp = CHANNEL, message = "must be ZALO or FACEBOOK")
            String channel, @PathParam("accountId") @Pattern(regexp = ACCOUNT_ID,
                    message = "must be the OA id or page id") String accountId) {
        ChatAccount a = ChatAccount.findById(new ChatAccount.Key(channel, accountId));
        if (a == null) {
            throw ProblemException.notFound("chat account", channel + "/" + accountId);
        }
        actor.requireWard(a.ward);
        a.delete();
    }

    private AccountView view(ChatAccount a) {
        boolean held = ChatAccounts.ZALO.equals(a.key.channel) ? tokens.stored(a.key.accountId)
                : a.pageAccessToken != null;
        return new AccountView(a.key.channel, a.key.accountId, a.ward, a.defaultCategory, held, a.updatedBy,
                a.updatedAt);
    }
}

package vn.friendlygov.feedback.chat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
import vn.friendlygov.feedback.config.FacebookConfig;
import vn.friendlygov.feedback.config.ZaloConfig;

/**
 * Whose ward a chat account serves, and which account answers for a ward. Registered accounts (table
 * {@code chat_account}) come first; the single account of the configuration ({@code ZALO_WARD} + {@code ZALO_OA_ID},
 * {@code FACEBOOK_WARD} + {@code FACEBOOK_PAGE_ACCESS_TOKEN}) still serves a one-ward deployment.
 */
@ApplicationScoped
public class ChatAccounts {

    public static final String ZALO = "ZALO";
    public static final String FACEBOOK = "FACEBOOK";

    /** An account as the webhooks and the reply senders need it. */
    public record Account(String channel, String accountId, String ward, String defaultCategory,
            String pageAccessToken) {
    }

    private final ZaloConfig zalo;
    private final FacebookConfig facebook;

    public ChatAccounts(ZaloConfig zalo, FacebookConfig facebook) {
        this.zalo = zalo;
        this.facebook = facebook;
    }

    /** The ward of the OA an event was sent to. */
    @Transactional(Transactional.TxType.REQUIRED)
    public Optional<Account> zaloByOa(String oaId) {
        Optional<Account> registered = registered(ZALO, oaId);
        if (registered.isPresent() || zalo.ward().isEmpty()
                || (zalo.oaId().isPresent() && !zalo.oaId().get().equals(oaId))) {
            return registered;
        }
        return Optional.of(new Account(ZALO, zalo.oaId().orElse(oaId), zalo.ward().get(),
                zalo.defaultCategory().orElse(null), null));
    }

    /** The OA that answers the ward's Zalo conversations. */
    @Transactional(Transactional.TxType.REQUIRED)
    public Optional<Account> zaloForWard(String ward) {
        Optional<Account> registered = forWard(ZALO, ward);
        if (registered.isPresent() || !zalo.ward().equals(Optional.of(ward)) || zalo.oaId().isEmpty()) {
            return registered;
        }
        return Optional.of(new Account(ZALO, zalo.oaId().get(), ward, zalo.defaultCategory().orElse(null), null));
    }

    /** The ward of the page an update entry belongs to. */
    @Transactional(Transactional.TxType.REQUIRED)
    public Optional<Account> facebookByPage(String pageId) {
        Optional<Account> registered = registered(FACEBOOK, pageId);
        if (registered.isPresent() || facebook.ward().isEmpty()) {
            return registered;
        }
        return Optional.of(new Account(FACEBOOK, pageId, facebook.ward().get(), null,
                facebook.pageAccessToken().orElse(null)));
    }

    /** The page that answers the ward's Facebook conversations, with its access token. */
    @Transactional(Transactional.TxType.REQUIRED)
    public Optional<Account> facebookForWard(String ward) {
        Optional<Account> registered = forWard(FACEBOOK, ward);
        if (registered.isPresent() || !facebook.ward().equals(Optional.of(ward))
                || facebook.pageAccessToken().isEmpty()) {
            return registered;
        }
        return Optional.of(new Account(FACEBOOK, null, ward, null, facebook.pageAccessToken().get()));
    }

    /** Whether any account of the channel can send (replies stay queued until one can). */
    @Transactional(Transactional.TxType.REQUIRED)
    public boolean any(String channel) {
        boolean configured = ZALO.equals(channel) ? zalo.ward().isPresent() && zalo.oaId().isPresent()
                : facebook.ward().isPresent() && facebook.pageAccessToken().isPresent();
        return configured || ChatAccount.count("key.channel", channel) > 0;
    }

    private static Optional<Account> registered(String channel, String accountId) {
        if (accountId == null || accountId.isEmpty()) {
            return Optional.empty();
        }
        return ChatAccount.<ChatAccount>findByIdOptional(new ChatAccount.Key(channel, accountId))
                .map(ChatAccounts::view);
    }

    private static Optional<Account> forWard(String channel, String ward) {
        return ChatAccount.<ChatAccount>find("key.channel = ?1 and ward = ?2", channel, ward).firstResultOptional()
                .map(ChatAccounts::view);
    }

    private static Account view(ChatAccount a) {
        return new Account(a.key.channel, a.key.accountId, a.ward, a.defaultCategory, a.pageAccessToken);
    }
}

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

    /** The ward's account that a message was sent to (Zalo: the OA id; Facebook: the page id). */
    @Transactional(Transactional.TxType.REQUIRED)
    public Optional<Account> byAccount(String channel, String accountId) {
        // the configured account without an id (a Facebook page, or an OA whose id is not set) takes any
        return registered(channel, accountId).or(() -> configured(channel)
                .filter(a -> a.accountId() == null || a.accountId().equals(accountId)));
    }

    /** The account that answers the ward's conversations on the channel, when it can send. */
    @Transactional(Transactional.TxType.REQUIRED)
    public Optional<Account> forWard(String channel, String ward) {
        return ChatAccount.<ChatAccount>find("key.channel = ?1 and ward = ?2", channel, ward).firstResultOptional()
                .map(ChatAccounts::view)
                .or(() -> configured(channel).filter(a -> a.ward().equals(ward) && canSend(a)));
    }

    /** Whether any account of the channel can send (replies stay queued until one can). */
    @Transactional(Transactional.TxType.REQUIRED)
    public boolean any(String channel) {
        return configured(channel).filter(ChatAccounts::canSend).isPresent()
                || ChatAccount.count("key.channel", channel) > 0;
    }

    /** The one-ward deployment's account from the environment, if its ward is set. */
    private Optional<Account> configured(String channel) {
        return ZALO.equals(channel)
                ? zalo.ward().map(w -> new Account(ZALO, zalo.oaId().orElse(null), w,
                        zalo.defaultCategory().orElse(null), null))
                : facebook.ward().map(w -> new Account(FACEBOOK, null, w, null,
                        facebook.pageAccessToken().orElse(null)));
    }

    /** A Zalo answer needs the OA (its tokens are kept by id), a Facebook answer the page's token. */
    private static boolean canSend(Account a) {
        return ZALO.equals(a.channel()) ? a.accountId() != null : a.pageAccessToken() != null;
    }

    private static Optional<Account> registered(String channel, String accountId) {
        if (accountId == null || accountId.isEmpty()) {
            return Optional.empty();
        }
        return ChatAccount.<ChatAccount>findByIdOptional(new ChatAccount.Key(channel, accountId))
                .map(ChatAccounts::view);
    }

    private static Account view(ChatAccount a) {
        return new Account(a.key.channel, a.key.accountId, a.ward, a.defaultCategory, a.pageAccessToken);
    }
}

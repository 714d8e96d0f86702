package vn.friendlygov.feedback.chat;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

/** A ward's Zalo Official Account or Facebook page, registered by an admin (ChatAccountResource). */
@Entity
@Table(name = "chat_account")
public class ChatAccount extends PanacheEntityBase {

    /** (channel, OA id or page id). */
    @Embeddable
    public static class Key implements Serializable {

        @Column(nullable = false)
        public String channel;
        @Column(name = "account_id", nullable = false)
        public String accountId;

        protected Key() {
        }

        public Key(String channel, String accountId) {
            this.channel = channel;
            this.accountId = accountId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(channel, k.channel) && Objects.equals(accountId, k.accountId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(channel, accountId);
        }
    }

    @EmbeddedId
    public Key key;
    @Column(nullable = false)
    public String ward;
    @Column(name = "default_category")
    public String defaultCategory;
    /** Facebook only: the page access token the Send API needs (a secret: never returned by the API). */
    @Column(name = "page_access_token")
    @Convert(converter = SecretColumn.class)
    public String pageAccessToken;
    @Column(name = "updated_by", nullable = false)
    public String updatedBy;
    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}

package vn.friendlygov.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Locale;
import vn.friendlygov.notification.config.NotificationConfig;
import vn.friendlygov.notification.letter.LetterPdf;
import vn.friendlygov.notification.readmodel.WardProfile;

/**
 * How a ward names itself on its letters: from the city's ward registry (criteria.ward-events.v1), else from
 * {@code notification.ward-names} as a ward ("phường"), else its code.
 */
@ApplicationScoped
public class Letterhead {

    /** "Xã" and "Tân Tiến": the issuing body is "Ủy ban nhân dân xã Tân Tiến", the place "Tân Tiến". */
    public record Issuer(String kind, String name) {

        /** "XÃ TÂN TIẾN": the issuing body's second line. */
        public String upper() {
            return LetterPdf.upper(kind + " " + name);
        }

        /** "xã", as within a sentence. */
        public String kindLower() {
            return kind.toLowerCase(Locale.forLanguageTag("vi"));
        }

        /** "Ủy ban nhân dân xã Tân Tiến". */
        public String committee() {
            return "Ủy ban nhân dân " + kindLower() + " " + name;
        }
    }

    private final NotificationConfig config;

    public Letterhead(NotificationConfig config) {
        this.config = config;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Issuer of(String ward) {
        WardProfile p = WardProfile.findById(ward);
        if (p != null) {
            return new Issuer(label(p.kind), p.name); // kinds are checked when the event is read
        }
        return new Issuer("Phường", config.wardNames().getOrDefault(ward, ward));
    }

    /** "Phường", "Xã" or "Đặc khu" for the registry's PHUONG, XA, DAC_KHU; null for a kind not known here. */
    public static String label(String kind) {
        return switch (kind == null ? "" : kind) {
            case "PHUONG" -> "Phường";
            case "XA" -> "Xã";
            case "DAC_KHU" -> "Đặc khu";
            default -> null;
        };
    }
}

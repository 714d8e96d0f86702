package vn.friendlygov.notification.delivery;

import java.time.LocalTime;
import java.util.List;

/**
 * Where a message goes: a person of the ward or the addressee of a letter. Contact details are personal data and
 * never logged. Channels are in order of preference; quiet hours (local time) hold external channels.
 */
public record Addressee(String email, String phone, List<Channel> channels, LocalTime quietStart, LocalTime quietEnd) {

    public boolean hasEmail() {
        return email != null && !email.isBlank();
    }

    public boolean hasPhone() {
        return phone != null && !phone.isBlank();
    }
}

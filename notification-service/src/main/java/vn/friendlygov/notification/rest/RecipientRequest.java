package vn.friendlygov.notification.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalTime;
import java.util.List;
import vn.friendlygov.notification.delivery.Channel;
import vn.friendlygov.notification.recipient.Recipient;

/** A person to remind and how: channels in order of preference; quiet hours in the ward's local time. */
public record RecipientRequest(
        @NotBlank @Pattern(regexp = "[A-Z0-9_]{1,50}", message = "a unit code such as VHXH") String unit,
        @NotNull Recipient.Role role,
        @NotBlank @Size(max = 200) String name,
        @Email @Size(max = 320) String email,
        @Pattern(regexp = RecipientRequest.PHONE, message = RecipientRequest.PHONE_MESSAGE) String phone,
        @Size(max = 100) String zaloUserId,
        @NotNull @Size(min = 1, max = 3) List<@NotNull Channel> channels,
        LocalTime quietStart,
        LocalTime quietEnd) {

    /** A Vietnamese mobile number, as people write it (0…, 84…, +84…). */
    static final String PHONE = "(0|84|\\+84)[1-9][0-9]{8}";
    static final String PHONE_MESSAGE = "a Vietnamese mobile number such as 0912345678";
}

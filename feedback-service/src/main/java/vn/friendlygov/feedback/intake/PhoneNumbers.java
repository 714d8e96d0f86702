package vn.friendlygov.feedback.intake;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Vietnamese phone numbers as citizens write them ("0912 345 678", "+84 912.345.678", "84912345678") in one stored
 * form, E.164 ({@code +84912345678}), so that the same person is recognised across channels.
 */
public final class PhoneNumbers {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s.()-]");
    // national significant number: 9 digits for mobiles (3x, 5x, 7x, 8x, 9x), 10 for landlines (2xx…)
    private static final Pattern NATIONAL = Pattern.compile("[35789]\\d{8}|2\\d{9}");

    private PhoneNumbers() {
    }

    public static Optional<String> normalise(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String s = SEPARATORS.matcher(raw.strip()).replaceAll("");
        String national;
        if (s.startsWith("+84")) {
            national = s.substring(3);
        } else if (s.startsWith("0084")) {
            national = s.substring(4);
        } else if (s.startsWith("84") && s.length() >= 11) {
            national = s.substring(2);
        } else if (s.startsWith("0")) {
            national = s.substring(1);
        } else {
            return Optional.empty();
        }
        return NATIONAL.matcher(national).matches() ? Optional.of("+84" + national) : Optional.empty();
    }
}

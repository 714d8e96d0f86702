package vn.friendlygov.feedback.intake;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.Locale;

/**
 * Tracking codes a citizen can read aloud on the phone: 8 characters from 31 that cannot be confused when spoken or
 * handwritten (no 0/O, 1/I/L). Drawn with SecureRandom, so one code says nothing about another; 31^8 ≈ 8.5·10^11
 * codes make guessing a live one hopeless at the rate-limited public door.
 */
@ApplicationScoped
public class TrackingCodes {

    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public static final int LENGTH = 8;

    private final SecureRandom random = new SecureRandom();

    public String next() {
        char[] c = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            c[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new String(c);
    }

    /** What a citizen typed or said ("abcd-2345", "ABCD 2345") as stored, or null when it cannot be a code. */
    public static String normalise(String typed) {
        if (typed == null) {
            return null;
        }
        String s = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (s.length() != LENGTH) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            if (ALPHABET.indexOf(s.charAt(i)) < 0) {
                return null;
            }
        }
        return s;
    }
}

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

    /** 31^8 codes, fewer than the 2^40 values of five random bytes. */
    private static final long CODES = pow(ALPHABET.length(), LENGTH);

    public String next() {
        // one draw of 40 bits per code (redrawn when not below 31^8, 22 % of the time, so every code is equally
        // likely) instead of one per character: each draw from the shared SecureRandom is a synchronised call
        byte[] b = new byte[5];
        long n;
        do {
            random.nextBytes(b);
            n = 0;
            for (byte x : b) {
                n = n << 8 | (x & 0xFF);
            }
        } while (n >= CODES);
        char[] c = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            c[i] = ALPHABET.charAt((int) (n % ALPHABET.length()));
            n /= ALPHABET.length();
        }
        return new String(c);
    }

    private static long pow(int base, int exponent) {
        long p = 1;
        for (int i = 0; i < exponent; i++) {
            p *= base;
        }
        return p;
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

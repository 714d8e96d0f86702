package vn.friendlygov.feedback.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TextRulesTest {

    @Test
    void markupIsStrippedAndTextIsNfc() {
        String nfd = Normalizer.normalize("Phường Phù Liễn", Normalizer.Form.NFD);
        assertEquals("Phường Phù Liễn", PlainText.clean("<p>" + nfd + "</p>"));
        assertTrue(Normalizer.isNormalized(PlainText.clean(nfd), Normalizer.Form.NFC));
        assertEquals("Đường tối\nĐèn hỏng", PlainText.clean("Đường <b>tối</b><br/>Đèn hỏng"));
        assertEquals("a < b & c", PlainText.clean("a &lt; b &amp; c"));
        assertEquals("x", PlainText.clean("x &lt;script&gt;alert(1)&lt;/script&gt;").replace("alert(1)", "").strip());
        assertEquals("tab và\u0020cách", PlainText.clean("tab \t và \u00A0  cách\u0007"));
        assertNull(PlainText.cleanOrNull("<img src=x onerror=alert(1)>"));
    }

    @Test
    void aTextSparedTheRulesComesOutAsTheRulesWouldMakeIt() {
        String nfd = Normalizer.normalize("Phường Phù Liễn", Normalizer.Form.NFD);
        String[] texts = {"Đèn đường hỏng", "  Rác thải ven đường  ", nfd, " " + nfd + " ", "", "   ", "a b",
            "a  b", "a\tb", "a\nb", "a\r\nb", "a\u00A0b", "a\u0085b", "a\u0007b", "x < y", "AT&T", "<b>x</b>",
            "\u2003em space inside\u2003and at the ends\u2003", "e\u0301", "NULL"};
        for (String t : texts) {
            assertEquals(PlainText.applyRules(Normalizer.normalize(t, Normalizer.Form.NFC)), PlainText.clean(t), t);
        }
        assertTrue(PlainText.plain("Đèn đường hỏng"));
        assertTrue(!PlainText.plain("a  b") && !PlainText.plain("a\nb") && !PlainText.plain("x &lt; y"));
    }

    @Test
    void vietnamesePhoneNumbersInEveryWritingBecomeOne() {
        for (String raw : new String[] {"0912345678", "0912 345 678", "+84 912.345.678", "84912345678",
                "0084-912-345-678", "(+84) 912345678"}) {
            assertEquals(Optional.of("+84912345678"), PhoneNumbers.normalise(raw), raw);
        }
        assertEquals(Optional.of("+842253836123"), PhoneNumbers.normalise("0225 3836 123"));
        for (String bad : new String[] {"12345", "0123", "+1 650 555 0100", "09123456789", "abc", "0112345678"}) {
            assertEquals(Optional.empty(), PhoneNumbers.normalise(bad), bad);
        }
    }

    @Test
    void trackingCodesAvoidConfusableCharactersAndAreNormalisedWhenTyped() {
        TrackingCodes codes = new TrackingCodes();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String c = codes.next();
            assertTrue(c.matches("[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}"), c);
            seen.add(c);
        }
        assertEquals(10_000, seen.size());
        // every character comes up in every position (one draw per code is cut into the eight characters): the
        // chance that one of 31 characters is missing from a position after 10,000 codes is below 10^-138
        for (int position = 0; position < TrackingCodes.LENGTH; position++) {
            int p = position;
            assertEquals(TrackingCodes.ALPHABET.length(), seen.stream().map(c -> c.charAt(p)).distinct().count());
        }
        assertEquals("ABCD2345", TrackingCodes.normalise(" abcd-2345 "));
        assertNull(TrackingCodes.normalise("ABCD0123"), "0 and 1 are never issued");
        assertNull(TrackingCodes.normalise("ABC"));
    }
}

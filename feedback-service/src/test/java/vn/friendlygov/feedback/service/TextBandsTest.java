package vn.friendlygov.feedback.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.friendlygov.common.text.VietnameseText;

class TextBandsTest {

    private static final String TREE = "Cây xà cừ trước nhà văn hóa tổ 7 bị nghiêng sắp đổ nguy hiểm cho người qua lại";

    @Test
    void nearIdenticalTextsShareAKeyAndTheSameTextInAnotherWardDoesNot() {
        long[] a = keys("phu-lien", TREE);
        assertEquals(TextBands.BANDS, a.length);
        assertArrayEquals(a, keys("phu-lien", "Cay xa cu truoc nha van hoa to 7 bi nghieng sap do, nguy hiem cho nguoi qua lai!"));
        assertTrue(share(a, keys("phu-lien", TREE.replace("tổ 7", "tổ 8"))), "one word changed");
        assertTrue(share(a, keys("phu-lien", TREE + ", đề nghị phường xử lý")), "a few words added");
        assertFalse(share(a, keys("hai-thanh", TREE)), "keys name the ward");
        assertFalse(share(a, keys("phu-lien", "Đèn đường ngõ 12 bị hỏng ba ngày nay, buổi tối rất tối")));
    }

    @Test
    void unrelatedTextsOfOneVocabularyRarelyShareAKey() {
        // the benchmark's texts: 14 words drawn from 60, so pairs share a few word pairs by chance
        String[] words = ("rác thải đường ngõ cống nước ngập đèn hỏng tối cây đổ tiếng ồn karaoke lấn chiếm vỉa hè xây"
                + " dựng trái phép hồ sơ chậm cán bộ thái độ chợ trường học trạm y tế mương bẩn mùi hôi chó thả rông"
                + " xe tải bụi loa phát thanh điện mất sân chơi nhà văn hóa thôn tổ").split(" ");
        Random random = new Random(7);
        long[][] texts = new long[400][];
        for (int t = 0; t < texts.length; t++) {
            StringBuilder s = new StringBuilder();
            for (int w = 0; w < 14; w++) {
                s.append(words[random.nextInt(words.length)]).append(' ');
            }
            texts[t] = keys("phu-lien", s.toString());
        }
        int sharing = 0;
        for (int i = 0; i < texts.length; i++) {
            for (int j = i + 1; j < texts.length; j++) {
                sharing += share(texts[i], texts[j]) ? 1 : 0;
            }
        }
        assertTrue(sharing < 80, sharing + " of 79,800 pairs share a key");
    }

    @Test
    void aTextWithoutWordsHasNoKeysAndOneWordIsEnough() {
        assertEquals(0, keys("phu-lien", " ... !").length);
        assertArrayEquals(keys("phu-lien", "Ngập"), keys("phu-lien", "ngap!"));
    }

    private static long[] keys(String ward, String text) {
        return TextBands.of(ward, VietnameseText.fold(text));
    }

    private static boolean share(long[] a, long[] b) {
        Set<Long> first = Arrays.stream(a).boxed().collect(Collectors.toSet());
        return Arrays.stream(b).anyMatch(first::contains);
    }
}

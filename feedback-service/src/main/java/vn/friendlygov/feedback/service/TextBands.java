package vn.friendlygov.feedback.service;

import java.util.ArrayList;
import java.util.List;

/**
 * The keys under which a case's text is filed for the likely-duplicate search: a MinHash signature of its word pairs
 * (diacritics folded), cut into bands (locality-sensitive hashing), each band hashed with the ward. Two texts of one
 * ward share a band with a probability that rises steeply with the share of word pairs they have in common
 * ({@code 1 - (1 - s^ROWS)^BANDS}: 0.80 at s = 0.4, 0.96 at s = 0.5, 0.995 at s = 0.6, 0.003 for texts that share
 * one pair in twenty, s = 0.05), so the
 * search reads a case's few candidates from an index instead of comparing it with every case of the window.
 * The candidates are then checked by trigram similarity in the database ({@link DuplicateFinder}).
 * The hashes are fixed (not {@link String#hashCode} of the JVM at hand): every replica and every release must file
 * a text under the same keys. See docs/2026-12-03-feedback-duplicate-bands.md.
 */
public final class TextBands {

    static final int BANDS = 24;
    static final int ROWS = 3;
    private static final long[] SEEDS = new long[BANDS * ROWS];

    static {
        long s = 0x5DEECE66DL;
        for (int i = 0; i < SEEDS.length; i++) {
            s = mix(s + 0x9E3779B97F4A7C15L);
            SEEDS[i] = s;
        }
    }

    private TextBands() {
    }

    /** The band keys of a folded text in a ward; empty for a text without words. */
    public static long[] of(String ward, String folded) {
        List<Long> shingles = shingles(folded);
        if (shingles.isEmpty()) {
            return new long[0];
        }
        long[] min = new long[SEEDS.length];
        java.util.Arrays.fill(min, Long.MAX_VALUE);
        for (long shingle : shingles) {
            for (int k = 0; k < SEEDS.length; k++) {
                long h = mix(shingle ^ SEEDS[k]);
                if (h < min[k]) {
                    min[k] = h;
                }
            }
        }
        long wardHash = hash(ward, 0, ward.length());
        long[] bands = new long[BANDS];
        for (int b = 0; b < BANDS; b++) {
            long h = mix(wardHash + b);
            for (int r = 0; r < ROWS; r++) {
                h = mix(h ^ min[b * ROWS + r]);
            }
            bands[b] = h;
        }
        return bands;
    }

    /** Hashes of the text's consecutive word pairs; of its one word when it has only one. */
    private static List<Long> shingles(String folded) {
        List<int[]> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= folded.length(); i++) {
            boolean wordChar = i < folded.length() && Character.isLetterOrDigit(folded.charAt(i));
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                words.add(new int[] {start, i});
                start = -1;
            }
        }
        List<Long> shingles = new ArrayList<>(Math.max(1, words.size() - 1));
        if (words.size() == 1) {
            shingles.add(hash(folded, words.get(0)[0], words.get(0)[1]));
        }
        for (int i = 1; i < words.size(); i++) {
            long first = hash(folded, words.get(i - 1)[0], words.get(i - 1)[1]);
            shingles.add(mix(first * 31 + hash(folded, words.get(i)[0], words.get(i)[1])));
        }
        return shingles;
    }

    /** FNV-1a over the UTF-16 units of s[from, to), lower-cased. */
    private static long hash(String s, int from, int to) {
        long h = 0xcbf29ce484222325L;
        for (int i = from; i < to; i++) {
            h ^= Character.toLowerCase(s.charAt(i));
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** SplitMix64's finaliser: a cheap, well-spread 64-bit mix. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}

package dev.pinscope.engine.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Bit layout of the packed state: every field gets just the bits its largest value needs, packed greedily into
 * 64-bit words (a field never straddles two words), so a state is a handful of longs that hash and compare
 * fast and cost a few bytes to store.
 */
final class Layout {
    private final List<String> names = new ArrayList<>();
    private int[] word = new int[16];
    private int[] shift = new int[16];
    private long[] mask = new long[16];
    private int count;
    private int words;
    private int used = 64; // bits used in the current word; 64 forces a new word for the first field

    /** Adds a field able to hold 0..maxValue; returns its id. maxValue 0 gives a zero-width field. */
    int add(String name, long maxValue) {
        int bits = maxValue <= 0 ? 0 : 64 - Long.numberOfLeadingZeros(maxValue);
        if (count == word.length) {
            word = java.util.Arrays.copyOf(word, count * 2);
            shift = java.util.Arrays.copyOf(shift, count * 2);
            mask = java.util.Arrays.copyOf(mask, count * 2);
        }
        if (bits > 0 && used + bits > 64) {
            words++;
            used = 0;
        }
        word[count] = Math.max(0, words - 1);
        shift[count] = bits == 0 ? 0 : used;
        mask[count] = bits == 64 ? -1L : (1L << bits) - 1;
        used += bits;
        names.add(name);
        return count++;
    }

    int words() {
        return Math.max(1, words);
    }

    int fields() {
        return count;
    }

    String name(int f) {
        return names.get(f);
    }

    int bits(int f) {
        return Long.bitCount(mask[f]);
    }

    /** The word that holds field f (a field never straddles two words). */
    int word(int f) {
        return word[f];
    }

    /** The field's lowest bit within its word. */
    int shift(int f) {
        return shift[f];
    }

    int totalBits() {
        int b = 0;
        for (int i = 0; i < count; i++) {
            b += bits(i);
        }
        return b;
    }

    long get(long[] s, int f) {
        return (s[word[f]] >>> shift[f]) & mask[f];
    }

    int geti(long[] s, int f) {
        return (int) ((s[word[f]] >>> shift[f]) & mask[f]);
    }

    boolean is(long[] s, int f) {
        return ((s[word[f]] >>> shift[f]) & mask[f]) != 0;
    }

    void set(long[] s, int f, long v) {
        long m = mask[f];
        if ((v & ~m) != 0) {
            throw new IllegalStateException("value " + v + " does not fit field " + names.get(f));
        }
        int w = word[f];
        int sh = shift[f];
        s[w] = (s[w] & ~(m << sh)) | (v << sh);
    }

    void set(long[] s, int f, boolean v) {
        set(s, f, v ? 1 : 0);
    }
}

package dev.pinscope.engine.internal;

import java.util.Arrays;

/**
 * An open-addressing map from non-negative int keys (state ids) to int values, without boxing: the cycle
 * analysis asks "is this state in the SCC, at which position" millions of times.
 */
final class IntIntMap {
    private static final int FREE = -1;
    private int[] keys;
    private int[] values;
    private int size;
    private int mask;

    IntIntMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1;
        keys = new int[cap];
        values = new int[cap];
        Arrays.fill(keys, FREE);
        mask = cap - 1;
    }

    private static int slot(int key, int mask) {
        int h = key * 0x9E3779B9;
        return (h ^ (h >>> 16)) & mask;
    }

    /** The value of key, or missing when it is absent. */
    int get(int key, int missing) {
        for (int i = slot(key, mask);; i = (i + 1) & mask) {
            int k = keys[i];
            if (k == key) {
                return values[i];
            }
            if (k == FREE) {
                return missing;
            }
        }
    }

    boolean containsKey(int key) {
        for (int i = slot(key, mask);; i = (i + 1) & mask) {
            int k = keys[i];
            if (k == key) {
                return true;
            }
            if (k == FREE) {
                return false;
            }
        }
    }

    void put(int key, int value) {
        if (key < 0) {
            throw new IllegalArgumentException("negative key " + key);
        }
        for (int i = slot(key, mask);; i = (i + 1) & mask) {
            if (keys[i] == key) {
                values[i] = value;
                return;
            }
            if (keys[i] == FREE) {
                keys[i] = key;
                values[i] = value;
                if (++size * 2 > keys.length) {
                    grow();
                }
                return;
            }
        }
    }

    int size() {
        return size;
    }

    private void grow() {
        int[] ok = keys;
        int[] ov = values;
        keys = new int[ok.length * 2];
        values = new int[ok.length * 2];
        Arrays.fill(keys, FREE);
        mask = keys.length - 1;
        for (int i = 0; i < ok.length; i++) {
            if (ok[i] != FREE) {
                for (int j = slot(ok[i], mask);; j = (j + 1) & mask) {
                    if (keys[j] == FREE) {
                        keys[j] = ok[i];
                        values[j] = ov[i];
                        break;
                    }
                }
            }
        }
    }
}

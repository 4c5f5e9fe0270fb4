package dev.pinscope.engine.internal;

import java.util.Arrays;

/** A growable list of ints without boxing (queues and step lists of the witness walks). */
final class IntList {
    private int[] a = new int[16];
    private int n;

    void add(int v) {
        if (n == a.length) {
            a = Arrays.copyOf(a, n * 2);
        }
        a[n++] = v;
    }

    int get(int i) {
        return a[i];
    }

    int size() {
        return n;
    }
}

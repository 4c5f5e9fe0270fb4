package dev.pinscope.spin;

/**
 * How pan searches (README "Second opinion with SPIN" says when to use which).
 * EXHAUSTIVE: full state storage, exact verdicts. BITSTATE: one bit per state in a hash array (-DBITSTATE) —
 * far less memory, but states whose hashes collide are skipped, so "no result/no cycle" is APPROXIMATE (pan's hash
 * factor and coverage estimate are reported). MULTICORE: the safety search over several cores (-DNCORE=N). SWARM:
 * N independent bitstate searches with different hash seeds and search orders, in parallel here or on several
 * machines; the union of what they find, still approximate.
 */
public enum SpinMode {
    EXHAUSTIVE, BITSTATE, MULTICORE, SWARM;

    public boolean approximate() {
        return this == BITSTATE || this == SWARM;
    }

    public static SpinMode parse(String s) {
        for (SpinMode m : values()) {
            if (m.name().equalsIgnoreCase(s)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown --spin-mode '" + s + "' (exhaustive, bitstate, multicore, swarm)");
    }
}

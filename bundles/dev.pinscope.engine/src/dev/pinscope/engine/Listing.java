package dev.pinscope.engine;

import dev.pinscope.engine.spec.Policy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The pseudo-C listing of one policy, shown by the debugger as source. Lines are numbered from 1. Lines that an
 * engine step executes carry a label (P_LOCK, GUP, LOOKUP, F_READ, F_LOCK, FIXUP, FAULT_INSERT, F_END, RETRY,
 * ZAP, SPLIT, …); steps inside follow_pfnmap_start() carry the call-site label F1_READ/F1_LOCK or
 * F2_READ/F2_LOCK (see {@link StepRecord#label()}).
 */
public final class Listing {
    /** One line: number (1-based), text, label (null for lines no step executes), enclosing function, key. */
    public record Line(int number, String text, String label, String function, String key) {
    }

    private final Policy policy;
    private final List<Line> lines;
    private final Map<String, Integer> byKey = new HashMap<>();

    public Listing(Policy policy, List<Line> lines) {
        this.policy = policy;
        this.lines = List.copyOf(lines);
        for (Line l : lines) {
            if (l.key() != null) {
                byKey.put(l.key(), l.number());
            }
        }
    }

    /** The listing of {@code policy} (the same one a simulation under it shows); e.g. to reopen it after a restart. */
    public static Listing of(Policy policy) {
        return dev.pinscope.engine.internal.Listings.of(policy);
    }

    public Policy policy() {
        return policy;
    }

    public List<Line> lines() {
        return lines;
    }

    public Line line(int number) {
        return lines.get(number - 1);
    }

    /** The whole listing as text, one line per listing line. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (Line l : lines) {
            sb.append(l.text()).append('\n');
        }
        return sb.toString();
    }

    /** The label of a line, or null. */
    public String labelOf(int number) {
        return line(number).label();
    }

    /** The function a line belongs to. */
    public String functionOf(int number) {
        return line(number).function();
    }

    /** Lines carrying a label; F1_x/F2_x map to the follow_pfnmap_start line labelled F_x. */
    public List<Integer> linesFor(String label) {
        String l = label.matches("F[12]_(READ|LOCK)") ? "F_" + label.substring(3) : label;
        List<Integer> out = new ArrayList<>();
        for (Line x : lines) {
            if (l.equals(x.label())) {
                out.add(x.number());
            }
        }
        return out;
    }

    /** Line number of an internal line key (engine use), or -1. */
    public int lineOfKey(String key) {
        return byKey.getOrDefault(key, -1);
    }
}

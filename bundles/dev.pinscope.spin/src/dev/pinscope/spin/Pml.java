package dev.pinscope.spin;

/**
 * A small writer for the generated Promela: lines with indentation, and the one construct every actor uses —
 * an atomic step as a {@code d_step} whose first statement is the step's enabling condition (a lock it waits for),
 * so one Promela transition is exactly one atomic step of KERNEL-MODEL.md §8.5 (with the engine's documented
 * merges). Each step prints {@code @<actor>}; replaying a trail with {@code spin -t} turns those into a schedule.
 */
final class Pml {
    private final StringBuilder sb = new StringBuilder();
    private int indent;

    Pml line(String s) {
        if (s.isEmpty()) {
            sb.append('\n');
            return this;
        }
        sb.append("    ".repeat(indent)).append(s).append('\n');
        return this;
    }

    Pml raw(String s) {
        sb.append(s);
        return this;
    }

    Pml in() {
        indent++;
        return this;
    }

    Pml out() {
        indent--;
        return this;
    }

    /** A comment line naming the kernel function and the KERNEL-MODEL.md section of the steps that follow. */
    Pml comment(String s) {
        return line("/* " + s + " */");
    }

    /**
     * One do-option: {@code :: d_step { (cond) -> body; printf("@actor") } }. The condition is both "this is the
     * step at this program counter" and the lock the step waits for; the body must be deterministic.
     */
    Pml step(int actor, String cond, String body) {
        line(":: d_step { (" + cond + ") ->");
        in();
        for (String part : body.split("\n")) {
            line(part);
        }
        line("printf(\"@" + actor + "\\n\")");
        out();
        line("}");
        return this;
    }

    @Override
    public String toString() {
        return sb.toString();
    }

    /** if-else on one condition, as a Promela statement (deterministic; for d_step bodies). */
    static String ifElse(String cond, String then, String otherwise) {
        if (cond.equals("1")) {
            return then;
        }
        if (cond.equals("0")) {
            return otherwise;
        }
        return "if\n:: (" + cond + ") ->\n" + indentBlock(then) + "\n:: else ->\n" + indentBlock(otherwise) + "\nfi";
    }

    static String indentBlock(String s) {
        StringBuilder b = new StringBuilder();
        for (String l : s.split("\n")) {
            if (b.length() > 0) {
                b.append('\n');
            }
            b.append("    ").append(l);
        }
        return b.toString();
    }

    /** A C-identifier-safe version of an actor name, for proctype names. */
    static String ident(String name) {
        String s = name.replaceAll("[^A-Za-z0-9_]", "_");
        return s.isEmpty() ? "actor" : s;
    }
}

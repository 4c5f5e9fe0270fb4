package dev.pinscope.engine;

import java.util.List;

/** A stack frame of an actor: function, listing line, and its locals (name → value text, kernel formatting). */
public record Frame(String function, int line, String label, List<Variable> locals) {
    public record Variable(String name, String value) {
    }
}

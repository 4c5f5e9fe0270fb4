package dev.pinscope.diagram.internal.wizards;

import java.util.List;

import dev.pinscope.model.builder.ScenarioBuilder;
import dev.pinscope.model.examples.Examples;
import dev.pinscope.model.io.LoadResult;
import dev.pinscope.model.scenario.Scenario;

/** What a new scenario can start from: an empty one, or a copy of any shipped example. */
public final class ScenarioTemplates {

    private ScenarioTemplates() {
    }

    /** The choices in menu order; null stands for "empty". */
    public static List<Examples.Example> examples() {
        return Examples.list();
    }

    /** An empty scenario: kernel defaults, an empty address space, nothing else. */
    public static Scenario empty(String name) {
        return ScenarioBuilder.named(name).build();
    }

    /** A fresh copy of a shipped example, or null with the reason in the result. */
    public static LoadResult example(Examples.Example example) {
        return Examples.load(example.id());
    }
}

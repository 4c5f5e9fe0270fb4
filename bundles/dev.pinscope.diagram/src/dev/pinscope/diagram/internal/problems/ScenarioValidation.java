package dev.pinscope.diagram.internal.problems;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.ecore.EObject;

import dev.pinscope.model.scenario.Scenario;
import dev.pinscope.model.validation.ScenarioRule;
import dev.pinscope.model.validation.ScenarioValidator;

/** Runs the model's EValidator over a scenario and indexes the problems by element. */
public final class ScenarioValidation {

    private final List<Problem> problems;
    private final Map<EObject, List<String>> byElement;

    private ScenarioValidation(List<Problem> problems) {
        this.problems = List.copyOf(problems);
        Map<EObject, List<String>> map = new IdentityHashMap<>();
        for (Problem p : problems) {
            if (p.element() != null) {
                map.computeIfAbsent(p.element(), k -> new ArrayList<>()).add(p.message());
            }
        }
        this.byElement = map;
    }

    public static final ScenarioValidation EMPTY = new ScenarioValidation(List.of());

    public static ScenarioValidation run(Scenario scenario) {
        Diagnostic d = ScenarioValidator.validate(scenario);
        List<Problem> out = new ArrayList<>();
        collect(d, scenario, out);
        return new ScenarioValidation(out);
    }

    private static void collect(Diagnostic d, Scenario root, List<Problem> out) {
        if (d.getChildren().isEmpty()) {
            if (d.getSeverity() >= Diagnostic.WARNING) {
                EObject element = null;
                String rule = "";
                for (Object data : d.getData()) {
                    if (element == null && data instanceof EObject o) {
                        element = o;
                    } else if (data instanceof ScenarioRule r) {
                        rule = r.id();
                    }
                }
                out.add(new Problem(element == null ? root : element, d.getMessage(), rule, d.getSeverity()));
            }
            return;
        }
        for (Diagnostic child : d.getChildren()) {
            collect(child, root, out);
        }
    }

    public List<Problem> problems() {
        return problems;
    }

    public Map<EObject, List<String>> byElement() {
        return byElement;
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }
}

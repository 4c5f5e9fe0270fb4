package dev.pinscope.diagram.internal.editor;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.gef.EditPart;

import dev.pinscope.diagram.internal.policies.ElementComponentPolicy;

/** The model elements behind a selection of edit parts (a run stands for all its leaves). */
final class SelectedElements {

    private SelectedElements() {
    }

    static List<EObject> of(List<?> selection) {
        List<EObject> out = new ArrayList<>();
        for (Object o : selection) {
            if (o instanceof EditPart p) {
                for (EObject e : ElementComponentPolicy.elementsOf(p.getModel())) {
                    if (!out.contains(e) && !(e instanceof dev.pinscope.model.scenario.Scenario)) {
                        out.add(e);
                    }
                }
            }
        }
        return out;
    }
}

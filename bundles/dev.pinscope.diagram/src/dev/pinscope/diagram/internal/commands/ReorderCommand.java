package dev.pinscope.diagram.internal.commands;

import java.util.List;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.edit.command.MoveCommand;
import org.eclipse.emf.edit.domain.EditingDomain;

/**
 * Moving an element whose place is not an address (a zapper, a device, a BAR) changes its order in
 * its list, which is the order the lane, the outline and round-robin scheduling use.
 */
public final class ReorderCommand {

    private ReorderCommand() {
    }

    public static Command create(EditingDomain domain, EObject element, int index) {
        EObject owner = element.eContainer();
        EStructuralFeature f = element.eContainingFeature();
        if (owner == null || !f.isMany()) {
            return null;
        }
        List<?> list = (List<?>) owner.eGet(f);
        int to = Math.max(0, Math.min(index, list.size() - 1));
        if (list.indexOf(element) == to) {
            return null;
        }
        return MoveCommand.create(domain, owner, f, element, to);
    }
}

package dev.pinscope.diagram.internal.commands;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.command.CompoundCommand;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.edit.command.SetCommand;
import org.eclipse.emf.edit.domain.EditingDomain;

/** Direct edit of an element's name (a VMA, an actor, a device's PCI address). */
public final class RenameCommand {

    private RenameCommand() {
    }

    public static EStructuralFeature nameFeature(EObject o) {
        return o == null ? null : o.eClass().getEStructuralFeature("name");
    }

    public static Command create(EditingDomain domain, EObject element, String name) {
        EStructuralFeature f = nameFeature(element);
        if (f == null || name == null || name.isBlank() || name.strip().equals(element.eGet(f))) {
            return null;
        }
        CompoundCommand cc = new CompoundCommand("Rename to " + name.strip());
        cc.append(SetCommand.create(domain, element, f, name.strip()));
        return cc;
    }
}

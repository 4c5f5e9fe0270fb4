package dev.pinscope.diagram.internal.commands;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.edit.command.DeleteCommand;
import org.eclipse.emf.edit.domain.EditingDomain;

import dev.pinscope.model.scenario.PageTableEntry;
import dev.pinscope.model.scenario.Scenario;
import dev.pinscope.model.scenario.Vma;

/**
 * Deletes elements and clears every reference to them (a walker's VMA, a zapper's device). A
 * deleted VMA takes the leaves drawn inside it along: they cannot exist without their mapping.
 */
public final class DeleteElementsCommand {

    private DeleteElementsCommand() {
    }

    public static Command create(EditingDomain domain, Collection<? extends EObject> elements) {
        List<EObject> all = new ArrayList<>();
        for (EObject o : elements) {
            if (o instanceof Scenario || o.eContainer() == null) {
                continue;
            }
            if (!all.contains(o)) {
                all.add(o);
            }
            if (o instanceof Vma v && v.eContainer() instanceof dev.pinscope.model.scenario.AddressSpace as) {
                for (PageTableEntry e : as.getEntries()) {
                    if (e.getVaddr() >= v.getStart() && e.getVaddr() < v.getEnd() && !all.contains(e)) {
                        all.add(e);
                    }
                }
            }
        }
        if (all.isEmpty()) {
            return null;
        }
        Command c = DeleteCommand.create(domain, all);
        return c.canExecute() ? new Labelled(c, all.size() == 1 ? "Delete " + describe(all.get(0)) : "Delete " + all.size() + " elements") : null;
    }

    static String describe(EObject o) {
        return dev.pinscope.model.validation.ElementLabels.of(o);
    }

    /** Gives EMF's delete a label naming what goes. */
    static final class Labelled extends org.eclipse.emf.common.command.CommandWrapper {
        Labelled(Command c, String label) {
            super(label, c);
        }
    }
}

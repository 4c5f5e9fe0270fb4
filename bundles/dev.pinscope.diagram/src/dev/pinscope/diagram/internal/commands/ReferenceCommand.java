package dev.pinscope.diagram.internal.commands;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.command.CompoundCommand;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.edit.command.SetCommand;
import org.eclipse.emf.edit.domain.EditingDomain;

import dev.pinscope.diagram.internal.layout.Link;
import dev.pinscope.model.scenario.Bar;
import dev.pinscope.model.scenario.ScenarioPackage;
import dev.pinscope.model.scenario.Vma;

/** Connecting, reconnecting and disconnecting edits a single-valued reference of the source. */
public final class ReferenceCommand {

    private ReferenceCommand() {
    }

    /** Sets the reference {@code kind} (or the one the ends imply when null) of {@code source} to {@code target}. */
    public static Command connect(EditingDomain domain, Link.Kind kind, EObject source, EObject target) {
        Link.Kind k = kind != null ? kind : Link.Kind.forEnds(source, target);
        if (k == null || !k.isReference() || !k.reference().getEContainingClass().isInstance(source)
                || !k.reference().getEReferenceType().isInstance(target) || source.eGet(k.reference()) == target) {
            return null;
        }
        CompoundCommand cc = new CompoundCommand(label(k, true));
        cc.append(SetCommand.create(domain, source, k.reference(), target));
        if (source instanceof Vma v && target instanceof Bar && v.getBar() != target) {
            cc.append(SetCommand.create(domain, v, ScenarioPackage.Literals.VMA__PGOFF, 0L)); // maps the BAR from its start
        }
        return cc;
    }

    /** Unsets the reference a connection shows. */
    public static Command disconnect(EditingDomain domain, Link link) {
        if (!link.kind().isReference()) {
            return null;
        }
        CompoundCommand cc = new CompoundCommand(label(link.kind(), false));
        cc.append(SetCommand.create(domain, link.source(), link.kind().reference(), SetCommand.UNSET_VALUE));
        return cc;
    }

    private static String label(Link.Kind k, boolean connect) {
        String what = switch (k) {
            case VMA_BAR -> "VMA → BAR mapping";
            case ZAPPER_DEVICE -> "zapper → device";
            case WALKER_VMA -> "walker → VMA";
            case UNMAPPER_VMA -> "munmap → VMA";
            case SIGNAL_PINNER -> "signal → pinner";
            default -> "link";
        };
        return (connect ? "Connect " : "Disconnect ") + what;
    }
}

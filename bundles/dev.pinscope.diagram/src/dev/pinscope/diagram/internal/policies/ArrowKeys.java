package dev.pinscope.diagram.internal.policies;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.eclipse.emf.common.command.CompoundCommand;
import org.eclipse.gef.EditPart;
import org.eclipse.gef.GraphicalViewer;
import org.eclipse.gef.commands.Command;
import org.eclipse.gef.ui.parts.GraphicalViewerKeyHandler;
import org.eclipse.swt.SWT;
import org.eclipse.swt.events.KeyEvent;

import dev.pinscope.diagram.internal.commands.ChangeAddressCommand;
import dev.pinscope.diagram.internal.commands.EmfCommand;
import dev.pinscope.diagram.internal.commands.Refused;
import dev.pinscope.diagram.internal.layout.ScenarioMath;
import dev.pinscope.diagram.internal.parts.DiagramContext;
import dev.pinscope.model.scenario.CpuAccess;
import dev.pinscope.model.scenario.PageTableEntry;
import dev.pinscope.model.scenario.Pinner;
import dev.pinscope.model.scenario.Vma;

/**
 * Left/Right arrows move the selection along the address axis by one unit: a VMA by a page (by its
 * largest leaf when it holds huge ones, which must stay aligned), a leaf by its level's size, a
 * pinner or CPU access by a page; with Shift by 16 units. Each press is one undoable command. For
 * anything else (and Up/Down) the arrows navigate as in every GEF editor.
 */
public final class ArrowKeys extends GraphicalViewerKeyHandler {

    private final DiagramContext context;

    public ArrowKeys(GraphicalViewer viewer, DiagramContext context) {
        super(viewer);
        this.context = context;
    }

    @Override
    public boolean keyPressed(KeyEvent event) {
        boolean horizontal = event.keyCode == SWT.ARROW_LEFT || event.keyCode == SWT.ARROW_RIGHT;
        if (horizontal && (event.stateMask & (SWT.MOD1 | SWT.ALT)) == 0) {
            int units = (event.keyCode == SWT.ARROW_RIGHT ? 1 : -1) * ((event.stateMask & SWT.SHIFT) != 0 ? 16 : 1);
            Command c = command(getViewer().getSelectedEditParts(), units);
            if (c instanceof Refused r) {
                context.status(r.reason());
                return true;
            }
            if (c != null) {
                context.status(null);
                getViewer().getEditDomain().getCommandStack().execute(c);
                return true;
            }
        }
        return super.keyPressed(event);
    }

    /** The command that moves {@code parts}' elements by {@code units} units each; null when none moves by keys. */
    public Command command(List<?> parts, int units) {
        var domain = context.domain();
        var s = context.scenario();
        List<Object> models = new ArrayList<>();
        for (Object p : parts) {
            models.add(((EditPart) p).getModel());
        }
        Set<Object> selected = Set.copyOf(models);
        CompoundCommand cc = new CompoundCommand();
        for (Object m : models) {
            org.eclipse.emf.common.command.Command c = null;
            if (m instanceof Vma v) {
                long start = v.getStart() + units * ChangeAddressCommand.vmaMoveAlignment(s, v);
                String refusal = ChangeAddressCommand.vmaMoveRefusal(s, v, start);
                if (refusal != null) {
                    return new Refused(refusal);
                }
                c = ChangeAddressCommand.moveVma(domain, s, v, start);
            } else if (m instanceof PageTableEntry e && !selected.contains(context.layout().vmaOf(e))) { // else it moves with its VMA
                c = ChangeAddressCommand.placeEntry(domain, s, e, e.getVaddr() + units * ScenarioMath.levelSize(e.getLevel()), e.getLevel());
                if (c == null) {
                    return new Refused(ChangeAddressCommand.entryMoveRefusal(s, e));
                }
            } else if (m instanceof Pinner p) {
                c = ChangeAddressCommand.pinnerRange(domain, p, p.getVaddr() + units * ScenarioMath.PAGE,
                        p.getVaddr() + units * ScenarioMath.PAGE + p.getSize());
            } else if (m instanceof CpuAccess a) {
                c = ChangeAddressCommand.cpuAddress(domain, a, a.getVaddr() + units * ScenarioMath.PAGE);
            }
            if (c != null) {
                cc.append(c);
            }
        }
        if (cc.isEmpty()) {
            return null;
        }
        if (cc.getCommandList().size() == 1) {
            return EmfCommand.of(cc.getCommandList().get(0));
        }
        cc.setLabel("Move " + cc.getCommandList().size() + " elements");
        return EmfCommand.of(cc);
    }
}

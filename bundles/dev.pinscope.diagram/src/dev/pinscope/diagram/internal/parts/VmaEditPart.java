package dev.pinscope.diagram.internal.parts;

import java.util.List;

import org.eclipse.draw2d.ConnectionAnchor;
import org.eclipse.draw2d.IFigure;
import org.eclipse.gef.EditPolicy;
import org.eclipse.gef.Request;
import org.eclipse.gef.RequestConstants;

import dev.pinscope.diagram.internal.figures.SideAnchor;
import dev.pinscope.diagram.internal.figures.VmaFigure;
import dev.pinscope.diagram.internal.layout.ElementText;
import dev.pinscope.diagram.internal.layout.KernelText;
import dev.pinscope.diagram.internal.layout.Link;
import dev.pinscope.diagram.internal.policies.ElementComponentPolicy;
import dev.pinscope.diagram.internal.policies.NameDirectEditPolicy;
import dev.pinscope.diagram.internal.policies.ReferenceNodePolicy;
import dev.pinscope.diagram.internal.policies.VmaLayoutPolicy;
import dev.pinscope.model.scenario.CpuAccess;
import dev.pinscope.model.scenario.FaultBehavior;
import dev.pinscope.model.scenario.Pinner;
import dev.pinscope.model.scenario.Vma;
import dev.pinscope.model.units.Hex;

/** A VMA band; its children are the leaves (or runs of leaves) inside it. */
public class VmaEditPart extends ElementEditPart {

    public VmaEditPart(DiagramContext context) {
        super(context);
    }

    public Vma vma() {
        return (Vma) getModel();
    }

    @Override
    protected IFigure createFigure() {
        return new VmaFigure();
    }

    @Override
    protected void createEditPolicies() {
        installEditPolicy(EditPolicy.COMPONENT_ROLE, new ElementComponentPolicy(context));
        installEditPolicy(EditPolicy.LAYOUT_ROLE, new VmaLayoutPolicy(context));
        installEditPolicy(EditPolicy.GRAPHICAL_NODE_ROLE, new ReferenceNodePolicy(context));
        installEditPolicy(EditPolicy.DIRECT_EDIT_ROLE, new NameDirectEditPolicy(context));
    }

    @Override
    protected List<?> getModelChildren() {
        return layout().children(vma());
    }

    @Override
    protected void refreshLabels() {
        Vma v = vma();
        VmaFigure f = (VmaFigure) getFigure();
        String mapping = null;
        if (v.getBar() != null && layout().linksFrom(v).isEmpty()) {
            // too many VMAs for links: name the BAR in the band
            mapping = "→ BAR" + v.getBar().getIndex() + " pgoff " + Hex.format(v.getPgoff());
        }
        f.setTexts(ElementText.vmaName(v), ElementText.vmaRange(v), ElementText.vmaFlags(v), mapping);
        String note = layout().children(v).isEmpty() ? emptyNote(v) : null;
        f.setEmptyNote(note);
        f.setHint("VMA " + v.getName() + " [" + Hex.format(v.getStart()) + ", " + Hex.format(v.getEnd()) + ")\n"
                + KernelText.fullFlags(v.getFlags()) + "\nfault: " + v.getFaultBehavior() + (note == null ? "" : "\n" + note));
    }

    /** What fills a VMA that has no leaf at start: the actors whose access faults one in, if its fault installs any. */
    private String emptyNote(Vma v) {
        if (v.getFaultBehavior() == FaultBehavior.NO_INSTALL) {
            return "no entry at start — its fault installs none";
        }
        List<String> who = new java.util.ArrayList<>();
        for (var a : context.scenario().getActors()) {
            boolean touches = switch (a) {
                case Pinner p -> p.getVaddr() < v.getEnd() && p.getVaddr() + Math.max(p.getSize(), 1) > v.getStart();
                case CpuAccess c -> c.getVaddr() >= v.getStart() && c.getVaddr() < v.getEnd();
                default -> false;
            };
            if (touches) {
                who.add(a.getName());
            }
        }
        return who.isEmpty() ? "no entry at start — nothing here faults one in" : "no entry at start — faulted in by " + String.join(", ", who);
    }

    /** An empty VMA names the actors that fault it in: re-read it whenever anything changed. */
    @Override
    public boolean isStale() {
        return layout().children(vma()).isEmpty() || super.isStale();
    }

    @Override
    protected ConnectionAnchor anchor(Link link, boolean source) {
        if (source) {
            return new SideAnchor(getFigure(), false, 0.5);
        }
        return switch (link.source()) {
            case Pinner p -> new SideAnchor(getFigure(), true, fractionOf(p.getVaddr()));
            case CpuAccess c -> new SideAnchor(getFigure(), true, fractionOf(c.getVaddr()));
            default -> new SideAnchor(getFigure(), true, 0.5);
        };
    }

    @Override
    public void performRequest(Request request) {
        if (RequestConstants.REQ_DIRECT_EDIT.equals(request.getType()) || RequestConstants.REQ_OPEN.equals(request.getType())) {
            new NameDirectEditManager(this, ((VmaFigure) getFigure())::nameBounds).show();
        }
    }
}

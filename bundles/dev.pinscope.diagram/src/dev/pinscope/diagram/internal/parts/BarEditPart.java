package dev.pinscope.diagram.internal.parts;

import org.eclipse.draw2d.ConnectionAnchor;
import org.eclipse.draw2d.IFigure;
import org.eclipse.gef.EditPolicy;

import dev.pinscope.diagram.internal.figures.BarFigure;
import dev.pinscope.diagram.internal.figures.SideAnchor;
import dev.pinscope.diagram.internal.layout.ElementText;
import dev.pinscope.diagram.internal.layout.KernelText;
import dev.pinscope.diagram.internal.layout.Link;
import dev.pinscope.diagram.internal.policies.ElementComponentPolicy;
import dev.pinscope.diagram.internal.policies.ReferenceNodePolicy;
import dev.pinscope.model.scenario.Bar;
import dev.pinscope.model.scenario.PageTableEntry;
import dev.pinscope.model.scenario.Vma;
import dev.pinscope.model.units.Hex;

/** A memory BAR inside its device; VMA links end at the pgoff, leaf links at the PFN. */
public class BarEditPart extends ElementEditPart {

    public BarEditPart(DiagramContext context) {
        super(context);
    }

    public Bar bar() {
        return (Bar) getModel();
    }

    @Override
    protected IFigure createFigure() {
        return new BarFigure();
    }

    @Override
    protected void createEditPolicies() {
        installEditPolicy(EditPolicy.COMPONENT_ROLE, new ElementComponentPolicy(context));
        installEditPolicy(EditPolicy.GRAPHICAL_NODE_ROLE, new ReferenceNodePolicy(context));
    }

    @Override
    protected void refreshLabels() {
        Bar b = bar();
        ((BarFigure) getFigure()).setTexts(ElementText.barTitle(b), ElementText.barRange(b));
        ((BarFigure) getFigure()).setHint("BAR" + b.getIndex() + " at " + Hex.format(b.getPhysicalAddress()) + ", "
                + KernelText.size(b.getSize()) + ", pfn " + Hex.format(b.getPhysicalAddress() >>> 12) + "–"
                + Hex.format((b.getPhysicalAddress() + b.getSize()) >>> 12) + (b.isHasStructPage() ? ", struct page" : ", no struct page"));
    }

    @Override
    protected ConnectionAnchor anchor(Link link, boolean source) {
        Bar b = bar();
        double offset = switch (link.source()) {
            case Vma v -> (double) (v.getPgoff() << 12);
            case PageTableEntry e -> (double) ((e.getPfn() << 12) - b.getPhysicalAddress());
            default -> b.getSize() / 2.0;
        };
        return new SideAnchor(getFigure(), true, b.getSize() <= 0 ? 0.5 : 0.04 + 0.92 * offset / b.getSize());
    }
}

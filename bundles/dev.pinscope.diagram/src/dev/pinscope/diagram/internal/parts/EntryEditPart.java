package dev.pinscope.diagram.internal.parts;

import org.eclipse.draw2d.ConnectionAnchor;

import dev.pinscope.diagram.IDiagramOverlay;
import dev.pinscope.diagram.internal.figures.SideAnchor;
import dev.pinscope.diagram.internal.layout.Link;
import dev.pinscope.diagram.internal.layout.ScenarioMath;
import dev.pinscope.model.scenario.PageTableEntry;
import dev.pinscope.model.units.Hex;

/** One page-table leaf; a child of the VMA it lies in (or of the diagram when it lies in none). */
public class EntryEditPart extends LeafEditPart {

    public EntryEditPart(DiagramContext context) {
        super(context);
    }

    public PageTableEntry entry() {
        return (PageTableEntry) getModel();
    }

    @Override
    protected void refreshLabels() {
        PageTableEntry e = entry();
        entryFigure().setEntry(e.getLevel(), e.getLevel().getLiteral(), "pfn " + Hex.format(e.getPfn()));
        getFigure().setToolTip(null);
        entryFigure().setHint(e.getLevel() + " leaf at " + Hex.format(e.getVaddr()) + "–"
                + Hex.format(ScenarioMath.end(e)) + "\npfn " + Hex.format(e.getPfn()) + (e.isWritable() ? ", write" : ", read-only")
                + (e.isSpecial() ? ", special" : ""));
    }

    @Override
    public void refreshDecorations() {
        super.refreshDecorations();
        IDiagramOverlay o = context.overlay();
        entryFigure().setState(o == null ? IDiagramOverlay.EntryState.PRESENT : o.entryState(entry()));
    }

    @Override
    protected ConnectionAnchor anchor(Link link, boolean source) {
        return new SideAnchor(getFigure(), false, 0.5);
    }
}

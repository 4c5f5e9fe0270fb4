package dev.pinscope.diagram.internal.parts;

import java.util.List;

import org.eclipse.draw2d.ChopboxAnchor;
import org.eclipse.draw2d.ConnectionAnchor;
import org.eclipse.draw2d.geometry.Rectangle;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.gef.ConnectionEditPart;
import org.eclipse.gef.EditPart;
import org.eclipse.gef.GraphicalEditPart;
import org.eclipse.gef.NodeEditPart;
import org.eclipse.gef.Request;
import org.eclipse.gef.editparts.AbstractGraphicalEditPart;

import dev.pinscope.diagram.IDiagramOverlay;
import dev.pinscope.diagram.internal.figures.ElementFigure;
import dev.pinscope.diagram.internal.layout.DiagramLayout;
import dev.pinscope.diagram.internal.layout.Link;

/**
 * Base of the element edit parts. Geometry comes from the shared {@link DiagramLayout} (the
 * diagram part relays out after each command); the part itself listens to its model element while
 * active and refreshes its labels when the element changes.
 */
public abstract class ElementEditPart extends AbstractGraphicalEditPart implements NodeEditPart {

    protected final DiagramContext context;

    protected ElementEditPart(DiagramContext context) {
        this.context = context;
        ElementListener.follow(this, this::refreshLabels);
    }

    @Override
    public void removeNotify() {
        ToolTips.hide(getViewer()); // the tooltip may be describing this element
        super.removeNotify();
    }

    protected DiagramLayout layout() {
        return context.layout();
    }

    public ElementFigure elementFigure() {
        return (ElementFigure) getFigure();
    }

    /** Bounds relative to the parent's layout: the layout's absolute bounds less the parent's origin. */
    protected Rectangle relativeBounds() {
        Rectangle abs = layout().bounds(getModel());
        if (abs == null) {
            return new Rectangle(0, 0, 1, 1);
        }
        if (getParent() instanceof ElementEditPart p) {
            Rectangle parent = layout().bounds(p.getModel());
            if (parent != null) {
                abs.translate(-parent.x, -parent.y);
            }
        }
        return abs;
    }

    @Override
    protected void refreshVisuals() {
        Rectangle r = relativeBounds();
        var parentFigure = getFigure().getParent();
        Object current = parentFigure == null || parentFigure.getLayoutManager() == null ? null
                : parentFigure.getLayoutManager().getConstraint(getFigure());
        if (!r.equals(current)) {
            ((GraphicalEditPart) getParent()).setLayoutConstraint(this, getFigure(), r);
        }
        refreshLabels();
        refreshDecorations();
    }

    /** Texts of the figure from the model element. */
    protected abstract void refreshLabels();

    /** Validation problems and overlay state. */
    public void refreshDecorations() {
        ElementFigure f = elementFigure();
        f.setProblems(context.problems(getModel()));
        IDiagramOverlay o = context.overlay();
        boolean highlight = false;
        String lock = null;
        if (o != null && getModel() instanceof EObject e) {
            highlight = o.isHighlighted(e);
            lock = o.lockLabel(e);
        }
        f.setHighlighted(highlight);
        f.setLock(lock);
    }

    /**
     * Whether the new layout changes anything this part shows: its place, its children (and
     * theirs), its links' routes. Parts that are not stale are left alone after a relayout, so an
     * edit inside one VMA of ten thousand touches only that VMA's figures.
     */
    public boolean isStale() {
        var parent = getFigure().getParent();
        Object current = parent == null || parent.getLayoutManager() == null ? null : parent.getLayoutManager().getConstraint(getFigure());
        if (!relativeBounds().equals(current)) {
            return true;
        }
        List<?> models = getModelChildren();
        List<?> parts = getChildren();
        if (models.size() != parts.size()) {
            return true;
        }
        for (int i = 0; i < models.size(); i++) {
            EditPart child = (EditPart) parts.get(i);
            if (!models.get(i).equals(child.getModel()) || (child instanceof ElementEditPart e && e.isStale())) {
                return true;
            }
        }
        List<?> links = getModelSourceConnections();
        List<?> linkParts = getSourceConnections();
        if (links.size() != linkParts.size()) {
            return true;
        }
        for (int i = 0; i < links.size(); i++) {
            if (!(linkParts.get(i) instanceof LinkEditPart l) || !links.get(i).equals(l.getModel()) || l.isStale()) {
                return true;
            }
        }
        return false;
    }

    /** Refreshes this part, its children and connections after a relayout. */
    public void refreshDeep() {
        refresh();
        for (Object child : getChildren()) {
            if (child instanceof ElementEditPart e) {
                e.refreshDeep();
            }
        }
        for (Object c : getSourceConnections()) {
            ((EditPart) c).refresh();
        }
    }

    @Override
    protected List<?> getModelSourceConnections() {
        return layout().linksFrom(getModel());
    }

    @Override
    protected List<?> getModelTargetConnections() {
        return layout().linksTo(getModel());
    }

    /** The anchor of {@code link} at this end; a chopbox unless a subclass knows better. */
    protected ConnectionAnchor anchor(Link link, boolean source) {
        return new ChopboxAnchor(getFigure());
    }

    @Override
    public ConnectionAnchor getSourceConnectionAnchor(ConnectionEditPart connection) {
        return anchor((Link) connection.getModel(), true);
    }

    @Override
    public ConnectionAnchor getTargetConnectionAnchor(ConnectionEditPart connection) {
        return anchor((Link) connection.getModel(), false);
    }

    @Override
    public ConnectionAnchor getSourceConnectionAnchor(Request request) {
        return new ChopboxAnchor(getFigure());
    }

    @Override
    public ConnectionAnchor getTargetConnectionAnchor(Request request) {
        return new ChopboxAnchor(getFigure());
    }

    @Override
    public Object getAdapter(@SuppressWarnings("rawtypes") Class key) {
        if (key == org.eclipse.ui.views.properties.IPropertySource.class && getModel() instanceof EObject o) {
            return dev.pinscope.diagram.internal.properties.EmfPropertySource.of(context.domain(), o);
        }
        if (key == EObject.class && getModel() instanceof EObject o) {
            return o;
        }
        return super.getAdapter(key);
    }

    /** x of {@code address} as a fraction of this part's width (for anchors on the axis). */
    protected double fractionOf(long address) {
        Rectangle r = layout().bounds(getModel());
        if (r == null || r.width <= 0) {
            return 0.5;
        }
        return (layout().axis().x(address) - r.x) / (double) r.width;
    }
}

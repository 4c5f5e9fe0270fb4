package dev.pinscope.diagram.internal.parts;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.edit.provider.IItemLabelProvider;
import org.eclipse.gef.EditPart;
import org.eclipse.gef.EditPolicy;
import org.eclipse.gef.editparts.AbstractTreeEditPart;
import org.eclipse.gef.editpolicies.RootComponentEditPolicy;

import dev.pinscope.diagram.internal.editor.Icons;
import dev.pinscope.diagram.internal.layout.DiagramLayout;
import dev.pinscope.diagram.internal.policies.ElementComponentPolicy;
import dev.pinscope.model.scenario.Device;
import dev.pinscope.model.scenario.Scenario;
import dev.pinscope.model.scenario.Vma;

/**
 * A node of the outline tree: the scenario, a group, or an element with the item provider's label
 * and icon. Shares models with the diagram, so selecting in one selects in the other.
 */
public class ElementTreeEditPart extends AbstractTreeEditPart {

    /** Above this many leaves in a VMA the outline lists only the VMA. */
    static final int MAX_TREE_ENTRIES = 256;
    /** At most this many elements under one heading. */
    static final int MAX_TREE_CHILDREN = 500;

    private final DiagramContext context;
    private final Icons icons;

    public ElementTreeEditPart(DiagramContext context, Icons icons, Object model) {
        this.context = context;
        this.icons = icons;
        setModel(model);
        ElementListener.follow(this, this::refreshVisuals);
    }

    @Override
    protected void createEditPolicies() {
        if (getModel() instanceof Scenario || getModel() instanceof TreeGroup) {
            installEditPolicy(EditPolicy.COMPONENT_ROLE, new RootComponentEditPolicy());
        } else {
            installEditPolicy(EditPolicy.COMPONENT_ROLE, new ElementComponentPolicy(context));
        }
    }

    @Override
    protected List<?> getModelChildren() {
        Object m = getModel();
        if (m instanceof Scenario s) {
            List<Object> groups = new ArrayList<>();
            List<Object> vmas = new ArrayList<>();
            if (s.getAddressSpace() != null) {
                vmas.addAll(s.getAddressSpace().getVmas());
            }
            vmas.addAll(context.layout().orphanEntries());
            groups.add(new TreeGroup("Address space", "vmas", vmas));
            groups.add(new TreeGroup("Devices", "devices", s.getDevices()));
            groups.add(new TreeGroup("Actors", "actors", s.getActors()));
            return groups;
        }
        if (m instanceof TreeGroup g) {
            if (g.children().size() <= MAX_TREE_CHILDREN) {
                return g.children();
            }
            // a tree of ten thousand rows helps nobody and costs seconds: list the first ones
            List<Object> shown = new ArrayList<>(g.children().subList(0, MAX_TREE_CHILDREN));
            shown.add(new TreeGroup("… " + (g.children().size() - MAX_TREE_CHILDREN) + " more (select them in the diagram)",
                    g.key() + ".more", List.of()));
            return shown;
        }
        if (m instanceof Vma v) {
            DiagramLayout l = context.layout();
            List<Object> children = l.children(v);
            return l.isAggregated() || children.size() > MAX_TREE_ENTRIES ? List.of() : children;
        }
        if (m instanceof Device d) {
            return d.getBars();
        }
        return List.of();
    }

    @Override
    protected void refreshVisuals() {
        Object m = getModel();
        if (m instanceof TreeGroup g) {
            setWidgetText(g.key().endsWith(".more") ? g.title() : g.title() + " (" + g.children().size() + ")");
            return;
        }
        if (m instanceof EObject o) {
            Object adapter = context.domain().getAdapterFactory().adapt(o, IItemLabelProvider.class);
            String text = adapter instanceof IItemLabelProvider p ? p.getText(o) : o.eClass().getName();
            if (o instanceof Vma v && context.layout().isAggregated()) {
                text += "  (" + context.layout().children(v).stream().mapToInt(c -> c instanceof dev.pinscope.diagram.internal.layout.EntryRun r ? r.count() : 1).sum() + " leaves)";
            }
            setWidgetText(text);
            if (icons != null) {
                setWidgetImage(icons.image(context.domain().getAdapterFactory(), o));
            }
        }
    }

    /**
     * Headings are equal by key, so GEF keeps their parts across refreshes: hand each the group as
     * it is now, or it would go on listing (and counting) the children it was made with.
     */
    @Override
    protected void refreshChildren() {
        super.refreshChildren();
        List<?> models = getModelChildren();
        for (Object c : getChildren()) {
            if (c instanceof ElementTreeEditPart t && t.getModel() instanceof TreeGroup old) {
                for (Object m : models) {
                    if (m instanceof TreeGroup g && g.equals(old) && g != old) {
                        t.setModel(g);
                    }
                }
            }
        }
    }

    /** Re-reads the whole subtree (after a relayout). */
    public void refreshDeep() {
        refresh();
        for (Object c : getChildren()) {
            if (c instanceof ElementTreeEditPart t) {
                t.refreshDeep();
            }
        }
    }

    /** Creates the parts for the outline. */
    public static org.eclipse.gef.EditPartFactory factory(DiagramContext context, Icons icons) {
        return (EditPart parent, Object model) -> new ElementTreeEditPart(context, icons, model);
    }
}

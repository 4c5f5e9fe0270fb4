package dev.pinscope.diagram.internal.editor;

import org.eclipse.draw2d.LightweightSystem;
import org.eclipse.draw2d.Viewport;
import org.eclipse.draw2d.parts.ScrollableThumbnail;
import org.eclipse.gef.LayerConstants;
import org.eclipse.gef.editparts.ScalableFreeformRootEditPart;
import org.eclipse.gef.ui.parts.ContentOutlinePage;
import org.eclipse.gef.ui.parts.TreeViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;

import dev.pinscope.diagram.internal.parts.DiagramContext;
import dev.pinscope.diagram.internal.parts.ElementTreeEditPart;
import dev.pinscope.model.scenario.Scenario;

/**
 * The Outline view for a scenario editor: the element tree (selection synchronised with the
 * diagram) above a thumbnail of the whole diagram with the visible area as a draggable frame.
 */
public class ScenarioOutlinePage extends ContentOutlinePage {

    private final ScenarioEditor editor;
    private final Icons icons = new Icons();
    private SashForm sash;
    private ScrollableThumbnail thumbnail;
    private LightweightSystem thumbnailSystem;

    public ScenarioOutlinePage(ScenarioEditor editor) {
        super(new TreeViewer());
        this.editor = editor;
    }

    @Override
    public void createControl(Composite parent) {
        sash = new SashForm(parent, SWT.VERTICAL);
        getViewer().createControl(sash);
        getViewer().setEditDomain(editor.getEditDomainForOutline());
        getViewer().setEditPartFactory(ElementTreeEditPart.factory(editor.context(), icons));
        getViewer().setContextMenu(new ScenarioContextMenuProvider(getViewer(), editor.actions()));
        editor.selectionSynchronizer().addViewer(getViewer());
        getViewer().setContents(editor.getScenario());

        Canvas canvas = new Canvas(sash, SWT.BORDER);
        thumbnailSystem = new LightweightSystem(canvas);
        ScalableFreeformRootEditPart root = (ScalableFreeformRootEditPart) editor.viewer().getRootEditPart();
        thumbnail = new ScrollableThumbnail((Viewport) root.getFigure());
        thumbnail.setSource(root.getLayer(LayerConstants.PRINTABLE_LAYERS));
        thumbnailSystem.setContents(thumbnail);
        sash.setWeights(new int[] {70, 30});
    }

    @Override
    public Control getControl() {
        return sash;
    }

    /** After Revert: show the re-read scenario. */
    void setScenario(Scenario scenario, DiagramContext context) {
        getViewer().setEditPartFactory(ElementTreeEditPart.factory(context, icons));
        getViewer().setContents(scenario);
    }

    /** Re-reads the tree after a model change. */
    void refresh() {
        if (getViewer().getContents() instanceof ElementTreeEditPart root) {
            root.refreshDeep();
        }
    }

    public org.eclipse.gef.EditPartViewer treeViewer() {
        return getViewer();
    }

    @Override
    public void dispose() {
        editor.selectionSynchronizer().removeViewer(getViewer());
        if (thumbnail != null) {
            thumbnail.deactivate();
        }
        icons.dispose();
        super.dispose();
    }
}

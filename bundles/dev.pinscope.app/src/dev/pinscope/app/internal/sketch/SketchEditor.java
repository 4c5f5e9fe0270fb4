package dev.pinscope.app.internal.sketch;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.gef.DefaultEditDomain;
import org.eclipse.gef.GraphicalViewer;
import org.eclipse.gef.editparts.ScalableFreeformRootEditPart;
import org.eclipse.gef.palette.MarqueeToolEntry;
import org.eclipse.gef.palette.PaletteGroup;
import org.eclipse.gef.palette.PaletteRoot;
import org.eclipse.gef.palette.SelectionToolEntry;
import org.eclipse.gef.palette.CombinedTemplateCreationEntry;
import org.eclipse.gef.requests.CreationFactory;
import org.eclipse.gef.ui.parts.GraphicalEditorWithFlyoutPalette;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.PartInitException;

/** A GEF 3.2 editor with a flyout palette over the sample sketch. */
public class SketchEditor extends GraphicalEditorWithFlyoutPalette {

    public static final String ID = "dev.pinscope.app.sketch";

    private SketchDiagram diagram;

    public SketchEditor() {
        setEditDomain(new DefaultEditDomain(this));
    }

    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        if (!(input instanceof SketchEditorInput sketch)) {
            throw new PartInitException("The sketch editor only opens the built-in sample");
        }
        diagram = sketch.diagram();
        super.init(site, input);
        setPartName(input.getName());
    }

    @Override
    protected void configureGraphicalViewer() {
        super.configureGraphicalViewer();
        GraphicalViewer viewer = getGraphicalViewer();
        viewer.setRootEditPart(new ScalableFreeformRootEditPart());
        viewer.setEditPartFactory(new SketchEditPartFactory());
    }

    @Override
    protected void initializeGraphicalViewer() {
        super.initializeGraphicalViewer();
        getGraphicalViewer().setContents(diagram);
    }

    @Override
    protected PaletteRoot getPaletteRoot() {
        PaletteRoot root = new PaletteRoot();
        PaletteGroup tools = new PaletteGroup("Tools");
        SelectionToolEntry select = new SelectionToolEntry();
        tools.add(select);
        tools.add(new MarqueeToolEntry());
        root.add(tools);
        PaletteGroup shapes = new PaletteGroup("Elements");
        for (SketchNode.Kind kind : SketchNode.Kind.values()) {
            CreationFactory factory = new CreationFactory() {
                @Override
                public Object getNewObject() {
                    return new SketchNode(kind, kind.name().toLowerCase().replace('_', ' '),
                            new org.eclipse.draw2d.geometry.Rectangle(0, 0, 160, 36));
                }

                @Override
                public Object getObjectType() {
                    return kind;
                }
            };
            shapes.add(new CombinedTemplateCreationEntry(kind.name(), "Create a " + kind, kind, factory, null, null));
        }
        root.add(shapes);
        root.setDefaultEntry(select);
        return root;
    }

    public SketchDiagram diagram() {
        return diagram;
    }

    public GraphicalViewer viewer() {
        return getGraphicalViewer();
    }

    @Override
    public void doSave(IProgressMonitor monitor) {
        getCommandStack().markSaveLocation();
    }

    @Override
    public boolean isSaveAsAllowed() {
        return false;
    }

    @Override
    public boolean isDirty() {
        return false;
    }
}

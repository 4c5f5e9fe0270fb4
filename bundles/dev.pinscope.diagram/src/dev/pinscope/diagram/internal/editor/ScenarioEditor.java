package dev.pinscope.diagram.internal.editor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EventObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.filesystem.EFS;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.draw2d.geometry.Dimension;
import org.eclipse.emf.common.command.BasicCommandStack;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.eclipse.emf.edit.provider.ComposedAdapterFactory;
import org.eclipse.gef.ContextMenuProvider;
import org.eclipse.gef.DefaultEditDomain;
import org.eclipse.gef.EditPart;
import org.eclipse.gef.GraphicalViewer;
import org.eclipse.gef.KeyHandler;
import org.eclipse.gef.KeyStroke;
import org.eclipse.gef.MouseWheelHandler;
import org.eclipse.gef.MouseWheelZoomHandler;
import org.eclipse.gef.SnapToGrid;
import org.eclipse.gef.editparts.ScalableFreeformRootEditPart;
import org.eclipse.gef.editparts.ZoomManager;
import org.eclipse.gef.palette.PaletteRoot;
import org.eclipse.gef.ui.actions.ActionRegistry;
import org.eclipse.gef.ui.actions.DirectEditAction;
import org.eclipse.gef.ui.actions.GEFActionConstants;
import org.eclipse.gef.ui.actions.ToggleGridAction;
import org.eclipse.gef.ui.actions.ZoomInAction;
import org.eclipse.gef.ui.actions.ZoomOutAction;
import org.eclipse.gef.ui.parts.GraphicalEditorWithFlyoutPalette;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.ui.IActionBars;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.ide.FileStoreEditorInput;
import org.eclipse.ui.views.contentoutline.IContentOutlinePage;
import org.eclipse.ui.views.properties.IPropertySheetPage;
import org.eclipse.ui.views.properties.PropertySheetPage;

import dev.pinscope.diagram.DiagramIds;
import dev.pinscope.diagram.IDiagramOverlay;
import dev.pinscope.diagram.IScenarioDiagram;
import dev.pinscope.diagram.internal.commands.CreateElementCommand;
import dev.pinscope.diagram.internal.layout.AddressAxis;
import dev.pinscope.diagram.internal.commands.EmfCommandStack;
import dev.pinscope.diagram.internal.policies.ArrowKeys;
import dev.pinscope.diagram.internal.parts.DiagramContext;
import dev.pinscope.diagram.internal.parts.ElementEditPart;
import dev.pinscope.diagram.internal.parts.EntryRunEditPart;
import dev.pinscope.diagram.internal.parts.ScenarioEditPart;
import dev.pinscope.diagram.internal.parts.ScenarioEditPartFactory;
import dev.pinscope.diagram.internal.problems.ScenarioValidation;
import dev.pinscope.diagram.internal.properties.EmfPropertySource;
import dev.pinscope.model.io.LoadResult;
import dev.pinscope.model.io.SaveResult;
import dev.pinscope.model.io.Scenarios;
import dev.pinscope.model.scenario.PageTableEntry;
import dev.pinscope.model.scenario.Scenario;

/**
 * The scenario editor: a GEF 3.2 diagram of one {@code .pinscope} file over one EMF editing domain.
 * Every edit — palette tools, drags, direct edit, delete, paste, the Properties view — is an EMF
 * command on the domain's stack, so undo/redo, the dirty marker and the save point are shared.
 * Validation runs after every change; its problems decorate the figures and fill the Scenario
 * Problems view.
 */
public class ScenarioEditor extends GraphicalEditorWithFlyoutPalette implements IScenarioDiagram {

    public static final String ID = DiagramIds.EDITOR_ID;
    /** Action ids of the editor's own actions. */
    public static final String VALIDATE = "dev.pinscope.diagram.validate";
    public static final String ZOOM_FIT = "dev.pinscope.diagram.zoomFit";

    private final ComposedAdapterFactory adapterFactory = EmfPropertySource.newAdapterFactory();
    private final BasicCommandStack emfStack = new BasicCommandStack();
    private final AdapterFactoryEditingDomain domain = new dev.pinscope.diagram.internal.commands.LabelledEditingDomain(adapterFactory, emfStack);
    private final List<Runnable> validationListeners = new CopyOnWriteArrayList<>();
    private ScenarioDocument document;
    private Scenario scenario;
    private DiagramContext context;
    private ScenarioValidation validation = ScenarioValidation.EMPTY;
    private ScenarioOutlinePage outline;
    private KeyHandler sharedKeyHandler;
    private final DiskChangeGuard diskGuard = new DiskChangeGuard(this);
    private boolean validationScheduled;
    private long lastOpenMillis;

    public ScenarioEditor() {
        DefaultEditDomain gefDomain = new DefaultEditDomain(this);
        gefDomain.setCommandStack(new EmfCommandStack(emfStack));
        setEditDomain(gefDomain);
    }

    // ---- lifecycle --------------------------------------------------------------------------------

    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        long t0 = System.nanoTime();
        LoadResult loaded = ScenarioDocument.load(input);
        if (!loaded.ok()) {
            // The workbench still disposes a part whose init failed; GEF's dispose reaches for the site,
            // so give it one before reporting the problem.
            setSite(site);
            // The workbench's error part keeps the tab's label as it was (empty for a file opened from outside the
            // workspace), so name the tab after the file and put the problem in its tool tip.
            org.eclipse.e4.ui.model.application.ui.basic.MPart tab = site.getService(org.eclipse.e4.ui.model.application.ui.basic.MPart.class);
            if (tab != null) {
                tab.setLabel(input.getName());
                tab.setTooltip(loaded.firstProblem());
            }
            throw new PartInitException(loaded.firstProblem());
        }
        document = ScenarioDocument.of(input);
        adopt(loaded.scenario());
        super.init(site, input);
        diskGuard.remember();
        setPartName(input.getName());
        lastOpenMillis = (System.nanoTime() - t0) / 1_000_000;
    }

    /** Puts a freshly loaded scenario into the editing domain's resource set. */
    private void adopt(Scenario s) {
        Resource r = s.eResource();
        domain.getResourceSet().getResources().clear();
        if (r != null) {
            domain.getResourceSet().getResources().add(r);
        }
        scenario = s;
        context = new DiagramContext(domain, s);
        context.setMetrics(new dev.pinscope.diagram.internal.figures.SwtTextMetrics());
    }

    @Override
    protected void setInput(IEditorInput input) {
        super.setInput(input);
        setPartName(input.getName());
        setTitleToolTip(input.getToolTipText());
    }

    @Override
    protected void configureGraphicalViewer() {
        super.configureGraphicalViewer();
        GraphicalViewer viewer = getGraphicalViewer();
        ScalableFreeformRootEditPart root = new ScalableFreeformRootEditPart();
        viewer.setRootEditPart(root);
        viewer.setEditPartFactory(new ScenarioEditPartFactory(context));
        ZoomManager zoom = root.getZoomManager();
        zoom.setZoomLevels(new double[] {0.02, 0.05, 0.1, 0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0});
        List<String> fits = new ArrayList<>();
        fits.add(ZoomManager.FIT_ALL);
        fits.add(ZoomManager.FIT_WIDTH);
        fits.add(ZoomManager.FIT_HEIGHT);
        zoom.setZoomLevelContributions(fits);
        IAction zoomIn = new ZoomInAction(zoom);
        IAction zoomOut = new ZoomOutAction(zoom);
        getActionRegistry().registerAction(zoomIn);
        getActionRegistry().registerAction(zoomOut);
        getActionRegistry().registerAction(new ZoomToFitAction(zoom));
        getActionRegistry().registerAction(new ToggleGridAction(viewer));
        viewer.setProperty(SnapToGrid.PROPERTY_GRID_SPACING, new Dimension(32, 32));
        viewer.setProperty(SnapToGrid.PROPERTY_GRID_VISIBLE, Boolean.FALSE);
        viewer.setProperty(MouseWheelHandler.KeyGenerator.getKey(SWT.MOD1), MouseWheelZoomHandler.SINGLETON);
        viewer.setKeyHandler(new ArrowKeys(viewer, context).setParent(getCommonKeyHandler()));
        hookStatusLine();
        viewer.addSelectionChangedListener(e -> context.status(null)); // a refusal is old news once the user moves on
        ContextMenuProvider menu = new ScenarioContextMenuProvider(viewer, getActionRegistry());
        viewer.setContextMenu(menu);
        getSite().registerContextMenu(DiagramIds.EDITOR_ID + ".contextmenu", menu, viewer);
    }

    @Override
    protected void initializeGraphicalViewer() {
        super.initializeGraphicalViewer();
        long t0 = System.nanoTime();
        getGraphicalViewer().setContents(scenario);
        long t1 = System.nanoTime();
        if (isLarge()) {
            scheduleValidation(); // show the diagram first; problems follow a moment later
        } else {
            validateNow();
        }
        long t2 = System.nanoTime();
        Display.getCurrent().asyncExec(this::fitToWindow); // once the canvas has its size
        lastDiagramMillis = (t1 - t0) / 1_000_000;
        lastValidationMillis = (t2 - t1) / 1_000_000;
    }

    private long lastDiagramMillis;
    private long lastValidationMillis;

    /** Below this the fitted diagram's text would not be drawn: leave such a diagram at 100 % to scroll. */
    private static final double MIN_FIT_ZOOM = 0.3;

    /**
     * Uses the canvas: a diagram that fits at 100 % is centred in it, one that does not is zoomed
     * out until it fits, unless that would make its text unreadable (thousands of VMAs).
     */
    public void fitToWindow() {
        GraphicalViewer v = getGraphicalViewer();
        if (v == null || v.getControl() == null || v.getControl().isDisposed() || diagramPart() == null) {
            return;
        }
        org.eclipse.swt.graphics.Point size = v.getControl().getSize();
        if (size.x < 50 || size.y < 50) {
            return;
        }
        var l = context.layout();
        int w = l.contentRight() - l.contentLeft() + AddressAxis.ORIGIN;
        int h = l.height();
        double zoom = Math.min(1.0, Math.min((size.x - 20) / (double) w, (size.y - 20) / (double) h));
        ZoomManager zm = ((ScalableFreeformRootEditPart) v.getRootEditPart()).getZoomManager();
        if (zoom < MIN_FIT_ZOOM) {
            return;
        }
        zm.setZoom(zoom);
        context.setCentreWidth((int) Math.floor((size.x - 20) / zoom));
        diagramPart().relayout();
    }

    /** Time the last open spent creating the diagram's edit parts and figures, and validating, in ms. */
    public long[] lastOpenBreakdown() {
        return new long[] {lastOpenMillis, lastDiagramMillis, lastValidationMillis};
    }

    /** Refused edits explain themselves in the status line too. */
    private void hookStatusLine() {
        var bars = getEditorSite().getActionBars();
        context.setStatusLine(message -> {
            if (bars != null && bars.getStatusLineManager() != null) {
                bars.getStatusLineManager().setErrorMessage(message);
            }
        });
    }

    private KeyHandler getCommonKeyHandler() {
        if (sharedKeyHandler == null) {
            sharedKeyHandler = new KeyHandler();
            sharedKeyHandler.put(KeyStroke.getPressed(SWT.DEL, 127, 0), getActionRegistry().getAction(ActionFactory.DELETE.getId()));
            sharedKeyHandler.put(KeyStroke.getPressed(SWT.F2, 0), getActionRegistry().getAction(GEFActionConstants.DIRECT_EDIT));
        }
        return sharedKeyHandler;
    }

    @SuppressWarnings("unchecked")
    @Override
    protected void createActions() {
        super.createActions();
        ActionRegistry registry = getActionRegistry();
        // one delete for the whole selection (a VMA takes its leaves; no leaf is deleted twice)
        IAction delete = new DeleteSelectionAction(this);
        registry.registerAction(delete);
        getSelectionActions().add(delete.getId());
        IAction direct = new DirectEditAction((org.eclipse.ui.IWorkbenchPart) this);
        registry.registerAction(direct);
        getSelectionActions().add(direct.getId());
        IAction copy = new CopyAction(this);
        registry.registerAction(copy);
        getSelectionActions().add(copy.getId());
        IAction paste = new PasteAction(this);
        registry.registerAction(paste);
        getSelectionActions().add(paste.getId());
        registry.registerAction(new ValidateAction(this));
        IAction revert = new RevertAction(this);
        registry.registerAction(revert);
        getStackActions().add(revert.getId());
    }

    @Override
    protected PaletteRoot getPaletteRoot() {
        return ScenarioPaletteFactory.create();
    }

    @Override
    public void createPartControl(Composite parent) {
        super.createPartControl(parent);
        diskGuard.install();
        org.eclipse.ui.contexts.IContextService contexts = getSite().getService(org.eclipse.ui.contexts.IContextService.class);
        if (contexts != null) {
            contexts.activateContext(DiagramIds.CONTEXT_ID);
        }
    }

    @Override
    public void dispose() {
        validationListeners.clear();
        diskGuard.uninstall();
        super.dispose();
        adapterFactory.dispose();
    }

    // ---- changes ----------------------------------------------------------------------------------

    @Override
    public void commandStackChanged(EventObject event) {
        super.commandStackChanged(event);
        firePropertyChange(PROP_DIRTY);
        ScenarioEditPart diagram = diagramPart();
        if (diagram != null) {
            diagram.relayoutIfChanged();
        }
        if (outline != null) {
            outline.refresh();
        }
        selectCreated();
        scheduleValidation();
    }

    /** After a palette tool (or its redo) created an element: select it, so Properties shows it at once. */
    private void selectCreated() {
        var recent = emfStack.getMostRecentCommand();
        if (recent instanceof CreateElementCommand.Creation c && recent == emfStack.getUndoCommand() && c.created().eContainer() != null) {
            EditPart part = partFor(c.created());
            if (part != null && getGraphicalViewer() != null) {
                getGraphicalViewer().setSelection(new StructuredSelection(part));
                getGraphicalViewer().reveal(part);
            }
        }
    }

    private boolean isLarge() {
        return scenario.getAddressSpace() != null && scenario.getAddressSpace().getEntries().size() > 5000;
    }

    private void scheduleValidation() {
        if (validationScheduled) {
            return;
        }
        validationScheduled = true;
        int delay = isLarge() ? 600 : 120;
        Display.getCurrent().timerExec(delay, () -> {
            validationScheduled = false;
            if (getGraphicalViewer() != null && getGraphicalViewer().getControl() != null && !getGraphicalViewer().getControl().isDisposed()) {
                validateNow();
            }
        });
    }

    /** Validates now and updates the decorations and the problem listeners. */
    public ScenarioValidation validateNow() {
        validation = ScenarioValidation.run(scenario);
        context.setProblems(validation.byElement());
        ScenarioEditPart diagram = diagramPart();
        if (diagram != null) {
            diagram.relayoutIfChanged();
            diagram.refreshDecorations();
        }
        validationListeners.forEach(Runnable::run);
        return validation;
    }

    public ScenarioValidation validation() {
        return validation;
    }

    public void addValidationListener(Runnable r) {
        validationListeners.add(r);
    }

    public void removeValidationListener(Runnable r) {
        validationListeners.remove(r);
    }

    // ---- saving -----------------------------------------------------------------------------------

    @Override
    public boolean isDirty() {
        return emfStack.isSaveNeeded();
    }

    @Override
    public boolean isSaveAsAllowed() {
        return true;
    }

    @Override
    public void doSave(IProgressMonitor monitor) {
        if (document == null || !document.isFile()) {
            doSaveAs();
            return;
        }
        // the file changed on disk since it was read: overwrite it only when the user says so
        boolean saved = diskGuard.mayOverwrite() && saveTo(document.file());
        if (!saved && monitor != null) {
            monitor.setCanceled(true);
        }
    }

    @Override
    public void doSaveAs() {
        FileDialog dialog = new FileDialog(getSite().getShell(), SWT.SAVE);
        dialog.setText("Save Scenario As");
        dialog.setFilterExtensions(new String[] {"*.pinscope"});
        dialog.setOverwrite(true);
        dialog.setFileName(saveAsSuggestion());
        if (document != null && document.isFile() && document.file().getParent() != null) {
            dialog.setFilterPath(document.file().getParent().toString());
        } else {
            dialog.setFilterPath(System.getProperty("user.home"));
        }
        String chosen = dialog.open();
        if (chosen != null) {
            saveAs(Path.of(chosen.endsWith(".pinscope") ? chosen : chosen + ".pinscope"));
        }
    }

    /**
     * The file name Save As proposes. A shipped example's copy says it is one ("02-numa-maps-split-w1
     * (copy).pinscope"), so its editor can be told apart from the read-only example opened beside it.
     */
    public String saveAsSuggestion() {
        String name = getEditorInput().getName();
        String base = name.endsWith(".pinscope") ? name.substring(0, name.length() - ".pinscope".length()) : name;
        return document != null && document.isFile() ? base + ".pinscope" : base + " (copy).pinscope";
    }

    /** Saves to {@code file} and makes it this editor's input. */
    public boolean saveAs(Path file) {
        if (!saveTo(file)) {
            return false;
        }
        FileStoreEditorInput input = new FileStoreEditorInput(EFS.getLocalFileSystem().getStore(file.toUri()));
        document = new ScenarioDocument(file, input.getName());
        if (scenario.eResource() != null) {
            scenario.eResource().setURI(org.eclipse.emf.common.util.URI.createFileURI(file.toAbsolutePath().toString()));
        }
        setInputWithNotify(input);
        // setInputWithNotify bypasses setInput: the tab must name the new file (an example's copy says "(copy)")
        setPartName(input.getName());
        setTitleToolTip(input.getToolTipText());
        return true;
    }

    private boolean saveTo(Path file) {
        SaveResult result = Scenarios.save(scenario, file);
        if (!result.ok()) {
            MessageDialog.openError(getSite().getShell(), "Cannot save scenario", result.message());
            return false;
        }
        getCommandStack().markSaveLocation();
        firePropertyChange(PROP_DIRTY);
        diskGuard.remember();
        return true;
    }

    /** Throws away unsaved changes and reads the file again. */
    public void revert() {
        LoadResult loaded = ScenarioDocument.load(getEditorInput());
        if (!loaded.ok()) {
            MessageDialog.openError(getSite().getShell(), "Cannot revert", loaded.firstProblem());
            return;
        }
        emfStack.flush();
        adopt(loaded.scenario());
        getGraphicalViewer().setEditPartFactory(new ScenarioEditPartFactory(context));
        getGraphicalViewer().setContents(scenario);
        getGraphicalViewer().setKeyHandler(new ArrowKeys(getGraphicalViewer(), context).setParent(getCommonKeyHandler()));
        hookStatusLine();
        if (outline != null) {
            outline.setScenario(scenario, context);
        }
        getCommandStack().markSaveLocation();
        firePropertyChange(PROP_DIRTY);
        diskGuard.remember();
        validateNow();
    }

    // ---- adapters ---------------------------------------------------------------------------------

    @SuppressWarnings("rawtypes")
    @Override
    public Object getAdapter(Class type) {
        if (type == IScenarioDiagram.class) {
            return this;
        }
        if (type == ZoomManager.class) {
            return getGraphicalViewer() == null ? null : ((ScalableFreeformRootEditPart) getGraphicalViewer().getRootEditPart()).getZoomManager();
        }
        if (type == IContentOutlinePage.class) {
            if (outline == null) {
                outline = new ScenarioOutlinePage(this);
            }
            return outline;
        }
        if (type == IPropertySheetPage.class) {
            return new PropertySheetPage() {
                @Override
                public void setActionBars(IActionBars bars) {
                    super.setActionBars(bars);
                    // Ctrl+Z in the Properties view undoes on the editor's stack
                    bars.setGlobalActionHandler(ActionFactory.UNDO.getId(), getActionRegistry().getAction(ActionFactory.UNDO.getId()));
                    bars.setGlobalActionHandler(ActionFactory.REDO.getId(), getActionRegistry().getAction(ActionFactory.REDO.getId()));
                }
            };
        }
        if (type == org.eclipse.emf.edit.domain.EditingDomain.class) {
            return domain;
        }
        return super.getAdapter(type);
    }

    // ---- API for tests, the problems view and the debugger ----------------------------------------

    public GraphicalViewer viewer() {
        return getGraphicalViewer();
    }

    public AdapterFactoryEditingDomain domain() {
        return domain;
    }

    public BasicCommandStack emfCommandStack() {
        return emfStack;
    }

    @Override
    public org.eclipse.gef.commands.CommandStack getCommandStack() {
        return super.getCommandStack();
    }

    public ActionRegistry actions() {
        return getActionRegistry();
    }

    public DiagramContext context() {
        return context;
    }

    org.eclipse.gef.ui.parts.SelectionSynchronizer selectionSynchronizer() {
        return getSelectionSynchronizer();
    }

    org.eclipse.gef.EditDomain getEditDomainForOutline() {
        return getEditDomain();
    }

    public ScenarioOutlinePage outlinePage() {
        return outline;
    }

    public ScenarioDocument document() {
        return document;
    }

    /** How long the last init (read + parse + adopt) took, in milliseconds. */
    public long lastOpenMillis() {
        return lastOpenMillis;
    }

    public ScenarioEditPart diagramPart() {
        GraphicalViewer v = getGraphicalViewer();
        return v == null ? null : (ScenarioEditPart) v.getContents();
    }

    @Override
    public Scenario getScenario() {
        return scenario;
    }

    @Override
    public void setOverlay(IDiagramOverlay overlay) {
        context.setOverlay(overlay);
        overlayChanged();
    }

    @Override
    public IDiagramOverlay getOverlay() {
        return context.overlay();
    }

    @Override
    public void overlayChanged() {
        ScenarioEditPart diagram = diagramPart();
        if (diagram != null) {
            diagram.refreshDecorations();
        }
    }

    @Override
    public List<Highlight> highlighted() {
        List<Highlight> out = new ArrayList<>();
        ScenarioEditPart diagram = diagramPart();
        if (diagram == null) {
            return out;
        }
        collectHighlighted(diagram, out);
        out.addAll(diagram.overlayFigure().highlightedLeaves());
        return out;
    }

    private static void collectHighlighted(EditPart part, List<Highlight> out) {
        if (part instanceof ElementEditPart e && e.elementFigure().isHighlighted() && e.getModel() instanceof EObject o) {
            var b = e.getFigure().getBounds().getCopy();
            e.getFigure().translateToAbsolute(b);
            long vaddr = o instanceof PageTableEntry pte ? pte.getVaddr() : -1;
            out.add(new Highlight(o, vaddr, o instanceof PageTableEntry pte ? pte.getLevel() : null, b.x, b.y, b.width,
                    b.height));
        }
        for (Object c : part.getChildren()) {
            collectHighlighted((EditPart) c, out);
        }
    }

    @Override
    public List<DrawnText> drawnTexts() {
        ScenarioEditPart diagram = diagramPart();
        if (diagram == null) {
            return List.of();
        }
        return dev.pinscope.diagram.internal.parts.DrawnTexts.all(diagram).stream().map(p -> {
            var b = p.box().bounds();
            return new DrawnText(p.owner(), p.box().full(), p.box().shown(), b.x, b.y, b.width, b.height);
        }).toList();
    }

    @Override
    public int[] diagramSize() {
        ScenarioEditPart diagram = diagramPart();
        if (diagram == null) {
            return new int[] {0, 0};
        }
        var b = diagram.overlayFigure().getBounds();
        return new int[] {Math.max(b.width, context.layout().width()), Math.max(b.height, context.layout().height())};
    }

    /** The edit part showing {@code element}: its own, or the run of leaves that contains it. */
    public EditPart partFor(EObject element) {
        GraphicalViewer v = getGraphicalViewer();
        Object part = v.getEditPartRegistry().get(element);
        if (part instanceof EditPart p) {
            return p;
        }
        if (element instanceof PageTableEntry e) {
            var vma = context.layout().vmaOf(e);
            if (vma != null && v.getEditPartRegistry().get(vma) instanceof EditPart vp) {
                for (Object c : vp.getChildren()) {
                    if (c instanceof EntryRunEditPart run && run.run().entries().contains(e)) {
                        return run;
                    }
                }
                return vp;
            }
        }
        return null;
    }

    @Override
    public boolean reveal(EObject element) {
        EditPart part = partFor(element);
        if (part == null) {
            return false;
        }
        GraphicalViewer v = getGraphicalViewer();
        v.setSelection(new StructuredSelection(part));
        v.reveal(part);
        getSite().getPage().activate(this);
        return part instanceof ElementEditPart || part != null;
    }
}

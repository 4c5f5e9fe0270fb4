package dev.pinscope.results.internal;

import dev.pinscope.diagram.IScenarioDiagram;
import dev.pinscope.diagram.internal.editor.ScenarioEditor;
import dev.pinscope.engine.CompileResult;
import dev.pinscope.engine.Simulation;
import dev.pinscope.engine.SimulationOptions;
import dev.pinscope.engine.report.ReportJson;
import dev.pinscope.engine.report.ReportJson.Comparison;
import dev.pinscope.engine.spec.Policy;
import dev.pinscope.model.io.LoadResult;
import dev.pinscope.model.io.Scenarios;
import dev.pinscope.model.scenario.Scenario;
import dev.pinscope.results.internal.Rows.Row;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.gef.commands.CommandStack;
import org.eclipse.gef.commands.CommandStackListener;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeColumn;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IPartListener2;
import org.eclipse.ui.IWorkbenchPartReference;
import org.eclipse.ui.part.ViewPart;

/**
 * The Results view: for the active scenario editor (or the scenario explored last), per policy the reachable
 * results of each pinner with counts, livelocks, violations, deadlocks and "bound reached" markers, the
 * expectations, a bar chart of result shares, and the running exploration's progress with Cancel.
 */
public class ResultsView extends ViewPart {

    /** The button (and view menu item) that keeps a shipped example's results with a copy of it. */
    public static final String SAVE_COPY = "Save a Copy with Its Results\u2026";

    private Composite root;
    private Label status;
    private DropDownAction exportMenu;
    private ExportMenu exports;
    private Button saveCopy;
    private Label stale;
    private Composite progressBox;
    private ProgressBar progressBar;
    private Label progressLabel;
    private Button cancel;
    private TreeViewer tree;
    private ShareChart chart;

    private IEditorPart editor;
    private CommandStack editorStack;
    private String key;
    private ScenarioResults shown;
    private boolean isStale;
    private volatile boolean refreshQueued;

    private final CommandStackListener stackListener = e -> updateStale();
    private final ResultsStore.Listener storeListener = k -> {
        if (k.equals(key) || editor == null) {
            queueRefresh();
        }
    };
    private final IPartListener2 partListener = new IPartListener2() {
        @Override
        public void partActivated(IWorkbenchPartReference ref) {
            var part = ref.getPart(false);
            if (part instanceof IEditorPart e && ScenarioEditors.diagram(e) != null) {
                follow(e);
            }
        }

        @Override
        public void partClosed(IWorkbenchPartReference ref) {
            if (ref.getPart(false) == editor) {
                follow(null);
            }
        }
    };

    @Override
    public void createPartControl(Composite parent) {
        root = new Composite(parent, SWT.NONE);
        GridLayout gl = new GridLayout(1, false);
        gl.marginWidth = gl.marginHeight = 2;
        root.setLayout(gl);
        Composite head = new Composite(root, SWT.NONE);
        head.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        GridLayout hl = new GridLayout(2, false);
        hl.marginWidth = hl.marginHeight = 0;
        head.setLayout(hl);
        status = new Label(head, SWT.WRAP);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        // a shipped example has no file to keep results beside: offer a copy that has one
        saveCopy = new Button(head, SWT.PUSH);
        saveCopy.setText(SAVE_COPY);
        saveCopy.setToolTipText("The example is read-only: save a copy of the scenario, with these results beside it");
        saveCopy.setLayoutData(new GridData(SWT.END, SWT.CENTER, false, false));
        saveCopy.addListener(SWT.Selection, e -> saveCopyWithResults());
        stale = new Label(root, SWT.WRAP);
        stale.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        stale.setForeground(root.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));

        progressBox = new Composite(root, SWT.NONE);
        progressBox.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        GridLayout pl = new GridLayout(3, false);
        pl.marginWidth = pl.marginHeight = 0;
        progressBox.setLayout(pl);
        progressBar = new ProgressBar(progressBox, SWT.HORIZONTAL | SWT.SMOOTH);
        GridData pbd = new GridData(SWT.LEFT, SWT.CENTER, false, false);
        pbd.widthHint = 180;
        progressBar.setLayoutData(pbd);
        progressLabel = new Label(progressBox, SWT.NONE);
        progressLabel.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        cancel = new Button(progressBox, SWT.PUSH);
        cancel.setText("Cancel");
        cancel.setToolTipText("Stop the exploration and keep its partial result");
        cancel.addListener(SWT.Selection, e -> cancelRunning());

        SashForm sash = new SashForm(root, SWT.VERTICAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        tree = new TreeViewer(sash, SWT.BORDER | SWT.FULL_SELECTION | SWT.MULTI);
        Tree t = tree.getTree();
        t.setHeaderVisible(true);
        t.setLinesVisible(true);
        for (int i = 0; i < Rows.COLUMNS.length; i++) {
            TreeColumn c = new TreeColumn(t, i >= 3 && i <= 5 ? SWT.RIGHT : SWT.LEFT);
            c.setText(Rows.COLUMNS[i]);
            c.setToolTipText(Rows.COLUMN_TIPS[i]);
            c.pack(); // at least as wide as its header at the current font
            c.setWidth(Math.max(c.getWidth() + 8, new int[] { 190, 90, 110, 100, 100, 110, 420 }[i]));
        }
        // the first column holds the policy labels under a tree indent: never cut "GUP_STYLE_DROP_LOCK (d')"
        org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(t);
        int widest = 0;
        for (Policy p : Policy.values()) {
            widest = Math.max(widest, gc.stringExtent(Reports.policyLabel(p)).x);
        }
        gc.dispose();
        t.getColumn(0).setWidth(Math.max(t.getColumn(0).getWidth(), widest + 48));
        tree.setContentProvider(new ITreeContentProvider() {
            @Override
            public Object[] getElements(Object input) {
                return ((List<?>) input).toArray();
            }

            @Override
            public Object[] getChildren(Object e) {
                return ((Row) e).children().toArray();
            }

            @Override
            public Object getParent(Object e) {
                return null;
            }

            @Override
            public boolean hasChildren(Object e) {
                return !((Row) e).children().isEmpty();
            }
        });
        tree.setLabelProvider(new CellLabels(this, extra));
        tree.setAutoExpandLevel(TreeViewer.ALL_LEVELS);
        // a double-click in a contributed column (the SPIN check) opens that column's witness
        t.addListener(SWT.MouseDown, e -> {
            org.eclipse.jface.viewers.ViewerCell cell = tree.getCell(new org.eclipse.swt.graphics.Point(e.x, e.y));
            clickColumn = cell == null ? -1 : cell.getColumnIndex();
        });
        tree.addDoubleClickListener(e -> {
            Object row = ((IStructuredSelection) e.getSelection()).getFirstElement();
            if (clickColumn >= Rows.COLUMNS.length && clickColumn - Rows.COLUMNS.length < extra.size()) {
                openExtra(extra.get(clickColumn - Rows.COLUMNS.length), row);
            } else {
                open(row);
            }
        });

        chart = new ShareChart(sash);
        sash.setWeights(72, 28);

        contributeActions();
        ResultsStore.get().addListener(storeListener);
        getSite().getPage().addPartListener(partListener);
        IEditorPart active = getSite().getPage().getActiveEditor();
        follow(ScenarioEditors.diagram(active) != null ? active : null);
    }

    private void contributeActions() {
        IToolBarManager bar = getViewSite().getActionBars().getToolBarManager();
        Action copy = new Action("Copy as Plain Text") {
            @Override
            public void run() {
                copyTable();
            }
        };
        copy.setToolTipText("Copy the policy × result table as plain text (mail-ready)");
        copy.setImageDescriptor(org.eclipse.ui.PlatformUI.getWorkbench().getSharedImages()
                .getImageDescriptor(org.eclipse.ui.ISharedImages.IMG_TOOL_COPY));
        bar.add(new Separator("explore"));
        bar.add(copy);
        // no view menu (see DropDownAction): Export is a drop-down on the tool bar and holds the rest
        exports = new ExportMenu(new ExportMenu.Source() {
            @Override
            public org.eclipse.swt.widgets.Shell shell() {
                return root.getShell();
            }

            @Override
            public String baseName() {
                return shown == null ? "scenario" : shown.scenarioName().replaceAll("[^A-Za-z0-9._-]+", "-");
            }

            @Override
            public Path folder() {
                return shown == null || shown.file() == null ? null : shown.file().toAbsolutePath().getParent();
            }
        }, this::exportMarkdown, this::exportJson, this::exportHtml, this::exportPng, this::exportSvg,
                this::saveCopyWithResults, SAVE_COPY);
        exportMenu = new DropDownAction("Export", exports.items());
        exportMenu.setToolTipText("Export the results (Markdown, JSON, HTML) or the diagram (PNG, SVG), or save a copy with its results");
        exportMenu.setImageDescriptor(org.eclipse.ui.PlatformUI.getWorkbench().getSharedImages()
                .getImageDescriptor(org.eclipse.ui.ISharedImages.IMG_ETOOL_SAVEAS_EDIT));
        bar.add(exportMenu);

        MenuManager ctx = new MenuManager();
        Action debug = new Action("Debug Witness") {
            @Override
            public void run() {
                open(tree.getStructuredSelection().getFirstElement());
            }
        };
        ctx.add(debug);
        ctx.add(copy);
        tree.getTree().setMenu(ctx.createContextMenu(tree.getTree()));
    }

    // ------------------------------------------------------------------------------------------- following

    /** Shows the results of this scenario editor (or, with null, keeps showing the last ones). */
    public void follow(IEditorPart e) {
        if (editorStack != null) {
            editorStack.removeCommandStackListener(stackListener);
            editorStack = null;
        }
        editor = e;
        if (e != null) {
            key = ScenarioEditors.key(e);
            Object cs = e.getAdapter(CommandStack.class);
            if (cs instanceof CommandStack s) {
                editorStack = s;
                s.addCommandStackListener(stackListener);
            }
            ResultsStore store = ResultsStore.get();
            Path file = ScenarioEditors.file(e.getEditorInput());
            if ((store.entry(key) == null || store.entry(key).results() == null) && file != null) {
                ScenarioResults loaded = ResultsFiles.load(file);
                if (loaded != null) {
                    store.putResults(key, loaded);
                }
            }
        } else if (key == null) {
            key = ResultsStore.get().lastKey();
        }
        refresh();
    }

    private void queueRefresh() {
        if (refreshQueued || root == null || root.isDisposed()) {
            return;
        }
        refreshQueued = true;
        root.getDisplay().asyncExec(() -> {
            refreshQueued = false;
            if (!root.isDisposed()) {
                refresh();
            }
        });
    }

    public void refresh() {
        // without a scenario editor, show what was explored last (e.g. from a launch configuration)
        if (editor == null && ResultsStore.get().lastKey() != null) {
            key = ResultsStore.get().lastKey();
        }
        ResultsStore.Entry entry = ResultsStore.get().entry(key);
        ScenarioResults r = entry == null ? null : entry.results();
        if (r != shown) {
            shown = r;
            tree.setInput(r == null ? List.of() : Rows.of(r.comparison()));
            chart.setInput(r == null ? null : r.comparison());
        }
        if (r == null) {
            status.setText(editor == null ? "No scenario explored yet." : "No results for " + editor.getTitle()
                    + " yet: Explore All Interleavings (current policy) or Compare Policies (all policies).");
            status.setForeground(null);
        } else {
            Comparison c = r.comparison();
            status.setText(c.scenario() + " — " + (c.mode().equals("compare") ? "Compare Policies" : "Explore All Interleavings")
                    + ", " + Reports.status(c) + String.format(java.util.Locale.ROOT, " (%.2f s)", c.seconds())
                    + (r.file() == null ? " — kept until Pinscope closes (a shipped example has no file)" : ""));
            status.setForeground(c.complete() ? null : root.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        }
        boolean offerCopy = r != null && r.file() == null && editor instanceof ScenarioEditor;
        exports.update(r != null, DiagramExport.viewer(editor) != null, r != null && editor instanceof ScenarioEditor);
        saveCopy.setVisible(offerCopy);
        ((GridData) saveCopy.getLayoutData()).exclude = !offerCopy;
        boolean running = entry != null && entry.running() != null;
        progressBox.setVisible(running);
        ((GridData) progressBox.getLayoutData()).exclude = !running;
        if (running) {
            Exploration.Progress p = entry.progress();
            progressBar.setMaximum(p == null ? 100 : p.total() * 100);
            progressBar.setSelection(p == null ? 0 : p.index() * 100 + ("cycles".equals(p.phase()) ? 60 : 0));
            progressLabel.setText(p == null ? "starting…" : ExploreJob.describe(p));
        }
        updateStale();
        root.layout(true, true);
    }

    private void updateStale() {
        if (stale == null || stale.isDisposed()) {
            return;
        }
        isStale = false;
        if (shown != null && editor != null) {
            IScenarioDiagram d = ScenarioEditors.diagram(editor);
            isStale = d != null && !ResultsFiles.digest(d.getScenario()).equals(shown.digest());
        }
        stale.setText(isStale ? "STALE: the scenario has changed since these results were computed; explore again." : "");
        ((GridData) stale.getLayoutData()).exclude = !isStale;
        stale.setVisible(isStale);
        root.layout(true, true);
    }

    /** Asks where to keep a copy of the shown example (its editor proposes "NAME (copy).pinscope") and saves. */
    public void saveCopyWithResults() {
        if (editor instanceof ScenarioEditor scenarioEditor) {
            FileDialog fd = new FileDialog(root.getShell(), SWT.SAVE);
            fd.setText("Save a Copy with Its Results");
            fd.setFilterExtensions(new String[] { "*.pinscope" });
            fd.setOverwrite(true);
            fd.setFilterPath(System.getProperty("user.home"));
            fd.setFileName(scenarioEditor.saveAsSuggestion());
            String chosen = fd.open();
            if (chosen != null) {
                saveCopyWithResults(Path.of(chosen.endsWith(".pinscope") ? chosen : chosen + ".pinscope"));
            }
        }
    }

    /**
     * Saves the shown scenario to {@code file} (the editor then edits that copy) and its results beside it as
     * {@code file.pinscope.results.json}; false when there is nothing to save or the scenario could not be written.
     */
    public boolean saveCopyWithResults(Path file) {
        ScenarioResults results = shown;
        if (!(editor instanceof ScenarioEditor scenarioEditor) || results == null || !scenarioEditor.saveAs(file)) {
            return false;
        }
        ScenarioResults kept = new ScenarioResults(file, results.scenarioName(), results.digest(), results.comparison());
        try {
            ResultsFiles.save(kept);
        } catch (IOException e) {
            MessageDialog.openError(root.getShell(), "Cannot save the results", file + ": " + e.getMessage());
            return false;
        }
        key = ScenarioEditors.key(editor);
        ResultsStore.get().putResults(key, kept);
        refresh();
        return true;
    }

    public Button saveCopyButton() {
        return saveCopy;
    }

    public void cancelRunning() {
        ResultsStore.Entry e = ResultsStore.get().entry(key);
        if (e != null && e.running() != null) {
            e.running().cancel();
        }
    }

    // ------------------------------------------------------------------------------------------- extra columns

    /** A column contributed by another feature (the SPIN check): its cells, red cells and witnesses. */
    public interface ExtraColumn {
        String text(ResultsView view, Row row);

        boolean red(ResultsView view, Row row);

        /** The witness a double-click on this column's cell opens, or null. */
        WitnessLauncher.Witness witness(ResultsView view, Row row) throws IOException;
    }

    private final List<ExtraColumn> extra = new java.util.ArrayList<>();
    private int clickColumn = -1;

    /** Adds the column once; later calls with the same column only refresh the cells. */
    public void addColumn(String title, int width, ExtraColumn c) {
        if (!extra.contains(c)) {
            extra.add(c);
            TreeColumn tc = new TreeColumn(tree.getTree(), SWT.LEFT);
            tc.setText(title);
            tc.setWidth(width);
        }
        tree.refresh();
    }

    private void openExtra(ExtraColumn c, Object row) {
        try {
            WitnessLauncher.Witness w = row instanceof Row r ? c.witness(this, r) : null;
            if (w != null) {
                WitnessLauncher.launch(w);
            }
        } catch (CoreException | IOException | RuntimeException ex) {
            MessageDialog.openError(root.getShell(), "Cannot debug the witness", ex.getMessage());
        }
    }

    /** A witness of the shown scenario, replayable in the debugger (any column may build one). */
    public WitnessLauncher.Witness witnessFor(Policy p, String title, List<String> stem, List<String> loop)
            throws IOException {
        return shown == null ? null : witness(p, title, stem, loop);
    }

    /** The scenario whose results are shown (the editor's model, else the results' file), or null. */
    public Scenario shownScenario() {
        return scenario();
    }

    // ------------------------------------------------------------------------------------------- witnesses

    /** Opens the row's witness (or lasso) in the debugger; null when the row has none. */
    public ILaunch open(Object row) {
        WitnessLauncher.Witness w = witness(row);
        if (w == null) {
            return null;
        }
        try {
            return WitnessLauncher.launch(w);
        } catch (CoreException | RuntimeException ex) {
            MessageDialog.openError(root.getShell(), "Cannot debug the witness", ex.getMessage());
            return null;
        }
    }

    /** What the row replays in the debugger, or null. */
    public WitnessLauncher.Witness witness(Object row) {
        if (shown == null || row == null) {
            return null;
        }
        try {
            return switch ((Row) row) {
                case Rows.ResultRow r -> witness(r.policy(), "witness " + Rows.resultCell(r.entry().result()),
                        r.entry().witness(), null);
                case Rows.LassoRow l -> witness(l.policy(), "lasso " + l.lasso().kind() + " " + l.lasso().actor(),
                        l.lasso().stem(), l.lasso().loop());
                case Rows.ViolationRow v -> witness(v.policy(), "witness violation", v.violation().witness(), null);
                case Rows.DeadlockRow d -> witness(d.policy(), "witness deadlock", d.deadlock().witness(), null);
                default -> null;
            };
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private WitnessLauncher.Witness witness(Policy p, String finding, List<String> stem, List<String> loop)
            throws IOException {
        Scenario s = scenario();
        Path file = shown.file();
        // the launch is named after what the user explored, not after a temporary copy
        String scenarioName = file != null ? file.getFileName().toString().replaceFirst("\\.pinscope$", "")
                : shown.scenarioName();
        String title = scenarioName + " \u00b7 " + p.name() + " \u00b7 " + finding;
        boolean dirty = editor != null && editor.isDirty();
        if (file == null || dirty || s == null) {
            if (s == null) {
                throw new IOException("the scenario of these results is not available");
            }
            // the debugger reads a file: give it exactly the scenario that was explored
            file = Files.createTempFile("pinscope-witness-", ".pinscope");
            var saved = Scenarios.save(s, file);
            if (!saved.ok()) {
                throw new IOException("cannot write " + file);
            }
        }
        int maxRetries = s != null ? s.getMaxRetries() : 0;
        return new WitnessLauncher.Witness(file, p.name(), maxRetries, title, stem, loop);
    }

    /** The scenario shown: the editor's model, else the results' file. */
    private Scenario scenario() {
        if (editor != null && ScenarioEditors.diagram(editor) != null) {
            return ScenarioEditors.diagram(editor).getScenario();
        }
        if (shown != null && shown.file() != null) {
            LoadResult lr = Scenarios.load(shown.file());
            return lr.ok() ? lr.scenario() : null;
        }
        return null;
    }

    private Function<Policy, Simulation> simulations() {
        Scenario s = isStale ? null : scenario();
        if (s == null) {
            return Reports.noSimulations();
        }
        return p -> {
            CompileResult cr = Simulation.compile(s, SimulationOptions.defaults().withPolicy(p));
            return cr.ok() ? cr.simulation() : null;
        };
    }

    // ------------------------------------------------------------------------------------------- exports

    public String plainText() {
        return shown == null ? "" : Reports.plainText(shown.comparison());
    }

    public void copyTable() {
        if (shown == null) {
            return;
        }
        Clipboard cb = new Clipboard(root.getDisplay());
        try {
            cb.setContents(new Object[] { plainText() }, new Transfer[] { TextTransfer.getInstance() });
        } finally {
            cb.dispose();
        }
    }

    public void exportMarkdown(Path p) throws IOException {
        String text = Reports.markdown(need(), simulations());
        ExportMenu.writeAtomically(p, to -> Files.writeString(to, text, StandardCharsets.UTF_8));
    }

    public void exportJson(Path p) throws IOException {
        String text = ReportJson.write(need()) + "\n";
        ExportMenu.writeAtomically(p, to -> Files.writeString(to, text, StandardCharsets.UTF_8));
    }

    public void exportHtml(Path p) throws IOException {
        String text = Reports.html(need(), simulations());
        ExportMenu.writeAtomically(p, to -> Files.writeString(to, text, StandardCharsets.UTF_8));
    }

    public void exportPng(Path p) throws IOException {
        DiagramExport.png(needViewer(), p);
    }

    /** The Export drop-down (the tool bar's button): its menu as the tool item creates it, for tests. */
    public org.eclipse.jface.action.IAction exportMenu() {
        return exportMenu;
    }

    public void exportSvg(Path p) throws IOException {
        DiagramExport.svg(needViewer(), p);
    }

    private Comparison need() throws IOException {
        if (shown == null) {
            throw new IOException("no results to export");
        }
        return shown.comparison();
    }

    private org.eclipse.gef.GraphicalViewer needViewer() throws IOException {
        var v = DiagramExport.viewer(editor);
        if (v == null) {
            throw new IOException("open the scenario in the editor to export its diagram");
        }
        return v;
    }

    // ------------------------------------------------------------------------------------------- for tests

    public Tree tree() {
        return tree.getTree();
    }

    public String statusText() {
        return status.getText();
    }

    public String staleText() {
        return stale.getText();
    }

    public boolean isStale() {
        return isStale;
    }

    public String progressText() {
        return progressBox.getVisible() ? progressLabel.getText() : "";
    }

    public Button cancelButton() {
        return cancel;
    }

    public ScenarioResults shown() {
        return shown;
    }

    public ShareChart chart() {
        return chart;
    }

    @Override
    public void setFocus() {
        tree.getTree().setFocus();
    }

    @Override
    public void dispose() {
        ResultsStore.get().removeListener(storeListener);
        getSite().getPage().removePartListener(partListener);
        if (editorStack != null) {
            editorStack.removeCommandStackListener(stackListener);
        }
        super.dispose();
    }
}

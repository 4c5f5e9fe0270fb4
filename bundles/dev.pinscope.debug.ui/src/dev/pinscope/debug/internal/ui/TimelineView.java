package dev.pinscope.debug.internal.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.eclipse.core.runtime.Adapters;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.IWorkbenchPart;

import dev.pinscope.debug.core.PinscopeDebugTarget;
import dev.pinscope.diagram.DiagramIds;
import dev.pinscope.engine.StepRecord;

/**
 * Every step of the run: row 0 is the start, row n the state after n steps (actor, function, line, label,
 * what happened). A click jumps there; the current position is bold, and the diagram highlights what that step
 * touched. The other way, selecting elements on the run's diagram selects the rows of the steps that touched
 * them. Rows are filled lazily (virtual table), so a long livelock trace costs only what is on screen.
 */
public class TimelineView extends RunViewPart {

    public static final String ID = "dev.pinscope.debug.timeline";
    private static final int PAGE = 256;
    /** At most this many rows are selected for a diagram element (an actor of a long trace has many). */
    static final int MAX_LINKED_ROWS = 10_000;

    private Table table;
    private Font bold;
    private final Map<Long, List<StepRecord>> pages = new HashMap<>();
    private Color stemColor;
    private Color loopColor;
    private boolean updating;
    private String linked;
    private final ISelectionListener diagramSelection = this::diagramSelected;

    @Override
    protected void createControl(Composite parent) {
        parent.setLayout(new FillLayout());
        table = new Table(parent, SWT.VIRTUAL | SWT.FULL_SELECTION | SWT.MULTI | SWT.BORDER);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        String[] heads = { "#", "Actor", "Function", "Line", "Label", "Phase", "What happened" };
        int[] widths = { 55, 90, 150, 45, 85, 50, 520 };
        for (int i = 0; i < heads.length; i++) {
            TableColumn c = new TableColumn(table, SWT.LEFT);
            c.setText(heads[i]);
            c.setWidth(widths[i]);
        }
        FontData fd = table.getFont().getFontData()[0];
        bold = new Font(table.getDisplay(), fd.getName(), fd.getHeight(), SWT.BOLD);
        stemColor = new Color(240, 240, 255);
        loopColor = new Color(255, 236, 220);
        table.addListener(SWT.SetData, e -> fill((TableItem) e.item, table.indexOf((TableItem) e.item)));
        table.addListener(SWT.Selection, e -> {
            // one row clicked: go there; several (Ctrl/Shift-click) are only looked at
            if (!updating && table.getSelectionCount() == 1) {
                jump(table.getSelectionIndex());
            }
        });
        getSite().getPage().addSelectionListener(diagramSelection);
    }

    /**
     * Elements selected on a diagram of the run's own file: selects the rows of the steps (up to the current
     * position) that touched them. Anything else selected there (the background, a link) gives the current row
     * back.
     */
    private void diagramSelected(IWorkbenchPart part, ISelection selection) {
        PinscopeDebugTarget t = target();
        // the page's selection: what the user selected in the active part, here only a scenario editor's
        if (isDisposed() || t == null || t.isTerminated() || !t.isSuspended() || !(part instanceof IEditorPart editor)
                || !DiagramIds.EDITOR_ID.equals(editor.getSite().getId())
                || !DiagramAnimator.isSourceOf(editor.getEditorInput(), t)
                || !(selection instanceof IStructuredSelection s)) {
            return;
        }
        TreeSet<Long> steps = new TreeSet<>();
        List<String> names = new ArrayList<>();
        long pos;
        long count = 0;
        boolean capped = false;
        synchronized (t) {
            pos = t.state().position();
            for (Object o : s.toList()) {
                EObject e = Adapters.adapt(o, EObject.class);
                String name = e == null ? null : StepTouches.describe(e);
                if (name != null) {
                    names.add(name);
                    StepTouches.Linked l = StepTouches.stepsTouching(t, e, pos, MAX_LINKED_ROWS);
                    steps.addAll(l.steps());
                    count = l.count();
                    capped |= l.capped();
                }
            }
        }
        if (names.size() > 1) {
            count = steps.size(); // the union; with a capped list among them, at least this many
        }
        if (names.isEmpty()) {
            if (linked != null) {
                refresh(t);
            }
            return;
        }
        int[] rows = steps.descendingSet().stream().limit(MAX_LINKED_ROWS).mapToInt(i -> (int) (i + 1)).toArray();
        linked = String.join(", ", names);
        updating = true;
        try {
            table.deselectAll();
            table.select(rows);
            if (rows.length > 0) {
                table.showItem(table.getItem(rows[0])); // the latest
            }
        } finally {
            updating = false;
        }
        boolean cut = capped || steps.size() > rows.length;
        String how = count == 0 ? "no step" : count == 1 ? "1 step" : (cut && names.size() > 1 ? "more than " : "")
                + String.format("%,d steps", count);
        setContentDescription(describe(t) + " — " + how + " of the first " + String.format("%,d", pos) + " touched "
                + linked + (cut ? " (the last " + String.format("%,d", rows.length) + " selected)" : " (selected)"));
    }

    /** The rows a diagram selection selected, as the table shows them (tests). */
    public int[] selectedRows() {
        return table.getSelectionIndices();
    }

    @Override
    protected boolean isDisposed() {
        return table == null || table.isDisposed();
    }

    @Override
    protected void refresh(PinscopeDebugTarget t) {
        if (isDisposed()) {
            return;
        }
        pages.clear();
        linked = null;
        updating = true;
        try {
            if (t == null || t.isTerminated()) {
                table.setItemCount(0);
                setContentDescription(t == null ? "No Pinscope run." : "The run has ended.");
                return;
            }
            var st = t.state();
            table.setItemCount((int) Math.min(Integer.MAX_VALUE, st.length() + 1));
            table.clearAll();
            int pos = (int) st.position();
            table.setSelection(pos);
            table.showSelection();
            setContentDescription(describe(t));
        } finally {
            updating = false;
        }
    }

    private static String describe(PinscopeDebugTarget t) {
        var st = t.state();
        return "Step " + st.position() + " of " + st.length()
                + (t.loopStart() >= 0 ? " — lasso: stem " + t.loopStart() + " steps, loop "
                        + (t.preloadedSchedule().size() - t.loopStart()) + " steps, repeated after the schedule" : "")
                + (t.isSuspended() ? "" : " (running)");
    }

    private void fill(TableItem item, int row) {
        PinscopeDebugTarget t = target();
        if (t == null || t.isTerminated()) {
            return;
        }
        long pos = t.state().position();
        if (row == 0) {
            item.setText(new String[] { "0", "", "", "", "", "", "(initial state)" });
        } else {
            StepRecord r = record(t, row - 1);
            if (r == null) {
                return;
            }
            String phase = t.phaseOf(row - 1);
            item.setText(new String[] { Long.toString(row), r.actorName(), r.function(), Integer.toString(r.line()),
                    r.label() == null ? "" : r.label(), phase == null ? "" : phase, r.event() });
            if (phase != null) {
                item.setBackground("stem".equals(phase) ? stemColor : loopColor);
            }
        }
        item.setFont(row == pos ? bold : null);
    }

    private StepRecord record(PinscopeDebugTarget t, long i) {
        long page = i / PAGE;
        List<StepRecord> p = pages.get(page);
        if (p == null) {
            if (!t.isSuspended()) {
                return null;
            }
            p = t.records(page * PAGE, page * PAGE + PAGE);
            pages.put(page, p);
        }
        int k = (int) (i - page * PAGE);
        return k < p.size() ? p.get(k) : null;
    }

    /** Moves the run to the state after {@code row} steps (the row the user clicked). */
    public void jump(int row) {
        PinscopeDebugTarget t = target();
        if (t == null || row < 0 || !t.isSuspended() || row == t.state().position()) {
            return;
        }
        act(run -> run.goTo(row));
    }

    /** The table (tests). */
    public Table table() {
        return table;
    }

    @Override
    public void setFocus() {
        table.setFocus();
    }

    @Override
    public void dispose() {
        getSite().getPage().removeSelectionListener(diagramSelection);
        super.dispose();
        if (bold != null) {
            bold.dispose();
        }
    }
}

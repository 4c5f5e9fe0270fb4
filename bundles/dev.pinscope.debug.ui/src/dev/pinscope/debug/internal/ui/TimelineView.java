package dev.pinscope.debug.internal.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.debug.core.DebugException;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

import dev.pinscope.debug.core.PinscopeDebugTarget;
import dev.pinscope.engine.StepRecord;

/**
 * Every step of the run: row 0 is the start, row n the state after n steps (actor, function, line, label,
 * what happened). A click jumps there; the current position is bold. Rows are filled lazily (virtual
 * table), so a long livelock trace costs only what is on screen.
 */
public class TimelineView extends RunViewPart {

    public static final String ID = "dev.pinscope.debug.timeline";
    private static final int PAGE = 256;

    private Table table;
    private Font bold;
    private final Map<Long, List<StepRecord>> pages = new HashMap<>();
    private Color stemColor;
    private Color loopColor;
    private boolean updating;

    @Override
    protected void createControl(Composite parent) {
        parent.setLayout(new FillLayout());
        table = new Table(parent, SWT.VIRTUAL | SWT.FULL_SELECTION | SWT.SINGLE | SWT.BORDER);
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
            if (!updating) {
                jump(table.getSelectionIndex());
            }
        });
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
            setContentDescription("Step " + st.position() + " of " + st.length()
                    + (t.loopStart() >= 0 ? " — lasso: stem " + t.loopStart() + " steps, loop "
                            + (t.preloadedSchedule().size() - t.loopStart()) + " steps, repeated after the schedule" : "")
                    + (t.isSuspended() ? "" : " (running)"));
        } finally {
            updating = false;
        }
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
        try {
            t.goTo(row);
        } catch (DebugException e) {
            ErrorDialog.openError(table.getShell(), "Timeline", e.getMessage(), e.getStatus());
        }
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
        super.dispose();
        if (bold != null) {
            bold.dispose();
        }
    }
}

package dev.pinscope.debug.internal.ui;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

import dev.pinscope.debug.core.PinscopeDebugTarget;
import dev.pinscope.debug.internal.core.model.SuspendedState;
import dev.pinscope.engine.ActorView;
import dev.pinscope.engine.Scheduler;
import dev.pinscope.engine.StepRecord;

/**
 * Who can move: every actor with its state (runnable, blocked on which lock, finished with which
 * result) and the step it would take next. Double-click or "Step" moves the chosen actor one step —
 * the interactive scheduler; the configured scheduler's choice is named above the table.
 */
public class SchedulerView extends RunViewPart {

    public static final String ID = "dev.pinscope.debug.scheduler";

    private Label next;
    private Table table;
    private Button step;
    private Color blocked;
    private Color done;

    @Override
    protected void createControl(Composite parent) {
        parent.setLayout(new GridLayout(2, false));
        next = new Label(parent, SWT.WRAP);
        next.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        step = new Button(parent, SWT.PUSH);
        step.setText("&Step");
        step.setToolTipText("Move the selected actor one step (or double-click it)");
        step.addListener(SWT.Selection, e -> stepSelected());
        table = new Table(parent, SWT.FULL_SELECTION | SWT.SINGLE | SWT.BORDER);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        String[] heads = { "Actor", "Kind", "State", "Next step" };
        int[] widths = { 90, 110, 200, 260 };
        for (int i = 0; i < heads.length; i++) {
            TableColumn c = new TableColumn(table, SWT.LEFT);
            c.setText(heads[i]);
            c.setWidth(widths[i]);
        }
        table.addListener(SWT.DefaultSelection, e -> stepSelected());
        table.addListener(SWT.Selection, e -> updateButton());
        blocked = new Color(180, 60, 0);
        done = new Color(120, 120, 120);
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
        int sel = table.getSelectionIndex();
        table.removeAll();
        if (t == null || t.isTerminated()) {
            next.setText(t == null ? "No Pinscope run." : "The run has ended.");
            updateButton();
            return;
        }
        if (!t.isSuspended()) {
            next.setText("Running with the " + t.schedulerName() + " scheduler…");
            updateButton();
            return;
        }
        SuspendedState st = t.state();
        for (ActorView v : st.actors()) {
            TableItem it = new TableItem(table, SWT.NONE);
            String state = switch (v.status()) {
                case RUNNABLE -> "runnable";
                case BLOCKED -> "blocked on " + v.waitingFor();
                case FINISHED -> v.result() == null ? "finished" : "finished: " + v.result().kernelName();
            };
            String nextStep = "";
            if (v.status() != ActorView.Status.FINISHED) {
                StepRecord r = t.peek(v.index());
                nextStep = r == null ? "" : r.function() + ":" + r.line() + (r.label() == null ? "" : " " + r.label());
            }
            it.setText(new String[] { v.name(), v.kind().name().toLowerCase().replace('_', ' '), state, nextStep });
            if (v.status() == ActorView.Status.BLOCKED) {
                it.setForeground(blocked);
            } else if (v.status() == ActorView.Status.FINISHED) {
                it.setForeground(done);
            }
        }
        // the engine's scheduler is a pure function of the trace: it says exactly who Resume moves, random too
        int a = t.nextDecision() instanceof Scheduler.Decision.Step step ? step.actor() : -1;
        next.setText(a < 0
                ? (st.runTerminated() ? "The run is over: step back or jump in the Timeline." : "Your move: pick an actor.")
                : "Next on Resume: " + st.actor(a).name() + " (" + t.schedulerName()
                        + (st.position() < t.preloadedSchedule().size() ? " schedule" : "") + ")");
        if (sel >= 0 && sel < table.getItemCount()) {
            table.setSelection(sel);
        } else if (a >= 0) {
            table.setSelection(a);
        }
        next.getParent().layout();
        updateButton();
    }

    private void updateButton() {
        PinscopeDebugTarget t = target();
        int i = table.getSelectionIndex();
        step.setEnabled(t != null && i >= 0 && t.canStep(i));
    }

    private void stepSelected() {
        int i = table.getSelectionIndex();
        if (i >= 0) {
            choose(i);
        }
    }

    /** The user picks actor {@code index} to move next: one step of it. */
    public void choose(int index) {
        PinscopeDebugTarget t = target();
        if (t == null || !t.canStep(index)) {
            return;
        }
        act(run -> run.stepActor(index));
    }

    /** The line above the table naming whom Resume moves next (tests). */
    public Label nextLabel() {
        return next;
    }

    /** The actor table (tests). */
    public Table table() {
        return table;
    }

    @Override
    public void setFocus() {
        table.setFocus();
    }
}

package dev.pinscope.debug.tests;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.eclipse.core.runtime.Adapters;
import org.eclipse.debug.core.model.IStackFrame;
import org.eclipse.debug.core.model.IThread;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.debug.ui.IDebugView;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IEditorReference;
import org.eclipse.ui.IWorkbenchPage;

import dev.pinscope.debug.core.PinscopeDebugTarget;
import dev.pinscope.debug.core.PinscopeLaunch;
import dev.pinscope.debug.internal.core.model.PinscopeStackFrame;
import dev.pinscope.debug.internal.ui.ListingEditor;
import dev.pinscope.debug.internal.ui.ListingEditorInput;
import dev.pinscope.debug.internal.ui.SchedulerView;
import dev.pinscope.debug.internal.ui.TimelineView;
import dev.pinscope.diagram.IDiagramOverlay;
import dev.pinscope.diagram.IScenarioDiagram;
import dev.pinscope.engine.ActorView;
import dev.pinscope.engine.Frame;
import dev.pinscope.engine.Run;
import dev.pinscope.engine.StepRecord;
import dev.pinscope.model.scenario.Actor;

/**
 * Compares what every debugger view DISPLAYS (widget texts, selections, the listing's instruction
 * pointer annotation, highlight colours, the diagram overlay) with an independent replay of the engine
 * run to the target's position. Returns the list of disagreements (empty = lockstep).
 */
final class ShownState {

    private final IWorkbenchPage page;
    private final PinscopeDebugTarget target;
    private final IScenarioDiagram diagram;

    ShownState(IWorkbenchPage page, PinscopeDebugTarget target, IScenarioDiagram diagram) {
        this.page = page;
        this.target = target;
        this.diagram = diagram;
    }

    /** The engine's truth at the target's current position, rebuilt from the trace on a fresh run. */
    record Truth(long position, long length, Run now, Run before, int moved) {
    }

    Truth truth() {
        synchronized (target) {
            Run run = target.run();
            long p = run.position();
            Run now = target.simulation().newRun();
            Run before = null;
            for (long i = 0; i < p; i++) {
                if (i == p - 1) {
                    before = target.simulation().newRun();
                    for (long k = 0; k < i; k++) {
                        before.step(run.actorOf(k));
                    }
                }
                now.step(run.actorOf(i));
            }
            int moved = p == 0 ? target.simulation().pinners().get(0) : run.actorOf(p - 1);
            return new Truth(p, run.length(), now, before, moved);
        }
    }

    List<String> disagreements() {
        Truth t = truth();
        List<String> out = new ArrayList<>();
        debugView(t, out);
        timeline(t, out);
        scheduler(t, out);
        if (diagram != null) {
            overlay(t, out);
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------ Debug view

    private void debugView(Truth t, List<String> out) {
        IDebugView view = (IDebugView) page.findView(IDebugUIConstants.ID_DEBUG_VIEW);
        if (view == null) {
            out.add("no Debug view");
            return;
        }
        Tree tree = (Tree) view.getViewer().getControl();
        TreeItem targetItem = find(tree.getItems(), target);
        if (targetItem == null) {
            out.add("Debug view: no item for the target");
            return;
        }
        String where = "step " + t.position() + "/" + t.length();
        if (!targetItem.getText().contains(where)) {
            out.add("Debug view target label '" + targetItem.getText() + "' lacks '" + where + "'");
        }
        for (ActorView a : t.now().actors()) {
            IThread thread = target.thread(a.index());
            TreeItem ti = find(targetItem.getItems(), thread);
            if (ti == null) {
                out.add("Debug view: no item for thread " + a.name());
                continue;
            }
            String status = switch (a.status()) {
                case RUNNABLE -> "[runnable]";
                case BLOCKED -> "[blocked on " + a.waitingFor() + "]";
                case FINISHED -> "[finished";
            };
            if (!ti.getText().contains(status)) {
                out.add("thread label '" + ti.getText() + "' lacks '" + status + "'");
            }
            if (!a.frames().isEmpty()) {
                Frame top = a.frames().get(0);
                String at = " at " + top.function() + ":" + top.line();
                if (!ti.getText().contains(at)) {
                    out.add("thread label '" + ti.getText() + "' lacks '" + at + "'");
                }
            }
            if (a.status() == ActorView.Status.FINISHED && a.index() == t.moved()) {
                TreeItem[] frames = ti.getItems();
                String expected = finishedFrameName(a);
                if (frames.length != 1 || !frames[0].getText().endsWith(expected)) {
                    out.add(a.name() + " shows frames " + java.util.Arrays.stream(frames).map(TreeItem::getText).toList()
                            + ", expected its final frame '... " + expected + "'");
                }
            }
            if (a.index() == t.moved() && !a.frames().isEmpty()) {
                // the thread that moved shows its whole stack, innermost first
                TreeItem[] frames = ti.getItems();
                if (frames.length != a.frames().size()) {
                    out.add(a.name() + " shows " + frames.length + " frames, engine has " + a.frames().size());
                } else {
                    for (int i = 0; i < frames.length; i++) {
                        Frame f = a.frames().get(i);
                        String label = f.function() + "() line " + f.line();
                        if (!frames[i].getText().startsWith(label)) {
                            out.add(a.name() + " frame " + i + " shows '" + frames[i].getText() + "', engine '" + label + "'");
                        }
                    }
                }
            }
        }
        ActorView moved = t.now().actor(t.moved());
        Object sel = ((IStructuredSelection) view.getViewer().getSelection()).getFirstElement();
        if (moved.frames().isEmpty()) {
            // the thread that moved has just finished: Variables must not go on showing the frame it had before
            // its last step, but its final frame (what it returned) with the kernel at this step
            staleVariables(t, out);
            if (!(sel instanceof PinscopeStackFrame f && f.isFinal() && f.getThread() == target.thread(t.moved()))) {
                out.add("Debug view selection is " + describe(sel) + ", expected the final frame of " + moved.name());
                return;
            }
            variables(t, finalFrame(moved), out);
            return;
        }
        if (!(sel instanceof IStackFrame frame) || frame.getThread() != target.thread(t.moved())) {
            out.add("Debug view selection is " + describe(sel) + ", expected the top frame of " + moved.name());
            return;
        }
        Frame top = moved.frames().get(0);
        Object ctx = DebugUITools.getDebugContext();
        if (!Objects.equals(ctx, sel)) {
            out.add("debug context " + ctx + " is not the selected frame");
        }
        listing(top, out);
        variables(t, top, out);
    }

    /**
     * What a finished actor's final frame must show, from the engine's view of it: a pinner's return value,
     * pinned pages and whether it pinned a stale PFN, another actor's "finished".
     */
    static Frame finalFrame(ActorView a) {
        List<Frame.Variable> locals = a.kind() == ActorView.Kind.PINNER && a.result() != null
                ? List.of(new Frame.Variable("return value", a.result().kernelName()),
                        new Frame.Variable("pinned pages", Long.toString(a.pinnedPages())),
                        new Frame.Variable("stale pfn", a.stalePfn() ? "yes: a PFN pinned after its mapping changed" : "no"))
                : List.of(new Frame.Variable("status", "finished"));
        return new Frame("(final)", -1, null, locals);
    }

    private String describe(Object sel) {
        try {
            if (sel instanceof org.eclipse.debug.core.model.IDebugElement e) {
                return sel.getClass().getSimpleName() + " '" + (sel instanceof IStackFrame f ? f.getName()
                        : sel instanceof IThread th ? th.getName() : sel.toString()) + "' of "
                        + (e.getDebugTarget() == target ? "this run" : "another run " + e.getDebugTarget().getName());
            }
        } catch (org.eclipse.debug.core.DebugException e) {
            return sel + " (" + e.getMessage() + ")";
        }
        return String.valueOf(sel);
    }

    private static TreeItem find(TreeItem[] items, Object data) {
        for (TreeItem i : items) {
            if (data.equals(i.getData())) {
                return i;
            }
            TreeItem inner = find(i.getItems(), data);
            if (inner != null) {
                return inner;
            }
        }
        return null;
    }

    private void listing(Frame top, List<String> out) {
        ListingEditorInput input = new ListingEditorInput(target.simulation().listing());
        ListingEditor editor = null;
        for (IEditorReference r : page.getEditorReferences()) {
            if (PinscopeLaunch.LISTING_EDITOR_ID.equals(r.getId())) {
                IEditorPart e = r.getEditor(false);
                if (e instanceof ListingEditor le && input.equals(le.getEditorInput())) {
                    editor = le;
                }
            }
        }
        if (editor == null) {
            out.add("no listing editor for " + input.getName());
            return;
        }
        IAnnotationModel model = editor.getDocumentProvider().getAnnotationModel(editor.getEditorInput());
        IDocument doc = editor.getDocumentProvider().getDocument(editor.getEditorInput());
        List<Integer> ipLines = new ArrayList<>();
        for (var it = model.getAnnotationIterator(); it.hasNext();) {
            Annotation a = it.next();
            if (a.getType().startsWith("org.eclipse.debug.ui.currentIP")) {
                try {
                    ipLines.add(doc.getLineOfOffset(model.getPosition(a).getOffset()) + 1);
                } catch (BadLocationException e) {
                    out.add("IP annotation outside the listing");
                }
            }
        }
        if (!ipLines.equals(List.of(top.line()))) {
            out.add("listing instruction pointer on lines " + ipLines + ", engine's top frame is at line " + top.line());
        }
    }

    private void staleVariables(Truth t, List<String> out) {
        IDebugView view = (IDebugView) page.findView(IDebugUIConstants.ID_VARIABLE_VIEW);
        if (view == null) {
            return;
        }
        Tree tree = (Tree) view.getViewer().getControl();
        for (TreeItem item : tree.getItems()) {
            if (text(tree, item, 0).equals("kernel") && !text(tree, item, 1).equals("step " + t.position())) {
                out.add("Variables shows kernel " + text(tree, item, 1) + " at position " + t.position()
                        + " (the thread that moved has finished)");
            }
        }
    }

    private void variables(Truth t, Frame top, List<String> out) {
        IDebugView view = (IDebugView) page.findView(IDebugUIConstants.ID_VARIABLE_VIEW);
        if (view == null) {
            out.add("no Variables view");
            return;
        }
        Tree tree = (Tree) view.getViewer().getControl();
        Frame old = previous(t, top);
        Color changed = DebugUITools.getPreferenceColor(IDebugUIConstants.PREF_CHANGED_VALUE_BACKGROUND);
        List<String> shown = new ArrayList<>();
        for (TreeItem item : tree.getItems()) {
            shown.add(text(tree, item, 0) + "=" + text(tree, item, 1));
        }
        List<String> expected = new ArrayList<>();
        for (Frame.Variable v : top.locals()) {
            expected.add(v.name() + "=" + v.value());
        }
        expected.add("kernel=step " + t.position());
        if (!shown.equals(expected)) {
            out.add("Variables shows " + shown + ", engine " + expected);
            return;
        }
        for (int i = 0; i < top.locals().size(); i++) {
            Frame.Variable v = top.locals().get(i);
            boolean was = old != null && !Objects.equals(old.locals().stream().filter(x -> x.name().equals(v.name()))
                    .map(Frame.Variable::value).findFirst().orElse(null), v.value());
            TreeItem item = tree.getItem(i);
            boolean highlighted = changed.equals(item.getBackground(tree.getColumnCount() > 1 ? 1 : 0))
                    || changed.equals(item.getBackground(0));
            if (was != highlighted) {
                out.add("Variables: " + v.name() + (was ? " changed in the last step but is not highlighted"
                        : " is highlighted but did not change"));
            }
        }
    }

    private static String text(Tree tree, TreeItem item, int column) {
        if (tree.getColumnCount() > 1) {
            return item.getText(column);
        }
        String s = item.getText();
        int eq = s.indexOf(" = ");
        return column == 0 ? (eq < 0 ? s : s.substring(0, eq)) : (eq < 0 ? "" : s.substring(eq + 3));
    }

    /** The end of a finished actor's final frame's label: {@code returned -EINVAL}, {@code finished}. */
    static String finishedFrameName(ActorView a) {
        if (a.kind() != ActorView.Kind.PINNER || a.result() == null) {
            return "() finished";
        }
        return "() returned " + a.result().kernelName()
                + (a.result() == dev.pinscope.engine.spec.Errno.OK ? " (" + a.pinnedPages() + " pages pinned)" : "");
    }

    /** The same frame (depth from the outermost, function) before the last step, or null. */
    private static Frame previous(Truth t, Frame top) {
        if (t.before() == null) {
            return null;
        }
        List<Frame> was = t.before().actor(t.moved()).frames();
        List<Frame> now = t.now().actor(t.moved()).frames();
        int depth = now.size() - 1;
        int idx = was.size() - 1 - depth;
        return idx >= 0 && idx < was.size() && was.get(idx).function().equals(top.function()) ? was.get(idx) : null;
    }

    // ---------------------------------------------------------------------------------- Timeline, Scheduler

    private void timeline(Truth t, List<String> out) {
        TimelineView view = (TimelineView) page.findView(TimelineView.ID);
        if (view == null) {
            out.add("no Timeline view");
            return;
        }
        Table table = view.table();
        if (table.getItemCount() != t.length() + 1) {
            out.add("Timeline has " + table.getItemCount() + " rows, trace has " + (t.length() + 1));
        }
        if (table.getSelectionIndex() != t.position()) {
            out.add("Timeline selects row " + table.getSelectionIndex() + ", engine is at step " + t.position());
        } else if (t.position() > 0) {
            TableItem row = table.getItem((int) t.position());
            StepRecord r = t.now().record(t.position() - 1);
            if (!row.getText(1).equals(r.actorName()) || !row.getText(3).equals(Integer.toString(r.line()))) {
                out.add("Timeline row " + t.position() + " shows " + row.getText(1) + ":" + row.getText(3) + ", engine "
                        + r.actorName() + ":" + r.line());
            }
        }
    }

    private void scheduler(Truth t, List<String> out) {
        SchedulerView view = (SchedulerView) page.findView(SchedulerView.ID);
        if (view == null) {
            out.add("no Scheduler view");
            return;
        }
        Table table = view.table();
        List<ActorView> actors = t.now().actors();
        if (table.getItemCount() != actors.size()) {
            out.add("Scheduler has " + table.getItemCount() + " rows, engine " + actors.size() + " actors");
            return;
        }
        for (ActorView a : actors) {
            TableItem row = table.getItem(a.index());
            String state = switch (a.status()) {
                case RUNNABLE -> "runnable";
                case BLOCKED -> "blocked on " + a.waitingFor();
                case FINISHED -> a.result() == null ? "finished" : "finished: " + a.result().kernelName();
            };
            if (!row.getText(0).equals(a.name()) || !row.getText(2).equals(state)) {
                out.add("Scheduler row " + a.index() + " shows " + row.getText(0) + " '" + row.getText(2) + "', engine "
                        + a.name() + " '" + state + "'");
            }
            if (a.status() != ActorView.Status.FINISHED) {
                StepRecord next = t.now().peek(a.index());
                String n = next.function() + ":" + next.line();
                if (!row.getText(3).startsWith(n)) {
                    out.add("Scheduler row " + a.name() + " next step '" + row.getText(3) + "', engine " + n);
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------- overlay

    private void overlay(Truth t, List<String> out) {
        IDiagramOverlay o = diagram.getOverlay();
        if (o == null) {
            out.add("no overlay on the run's diagram");
            return;
        }
        for (Actor actor : diagram.getScenario().getActors()) {
            ActorView a = t.now().actor(target.simulation().actorNames().indexOf(actor.getName()));
            String expected = switch (a.status()) {
                case FINISHED -> a.result() == null ? "done" : "done: " + a.result().kernelName();
                case BLOCKED -> "blocked on " + a.waitingFor();
                case RUNNABLE -> a.frames().isEmpty() ? "runnable"
                        : a.frames().get(0).function() + (a.frames().get(0).label() == null ? "" : " " + a.frames().get(0).label());
            };
            if (!expected.equals(o.actorStatus(actor))) {
                out.add("overlay says " + actor.getName() + " is '" + o.actorStatus(actor) + "', engine '" + expected + "'");
            }
        }
    }

    static IScenarioDiagram diagramOf(IEditorPart editor) {
        return Adapters.adapt(editor, IScenarioDiagram.class);
    }
}

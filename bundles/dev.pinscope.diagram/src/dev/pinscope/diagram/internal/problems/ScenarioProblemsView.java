package dev.pinscope.diagram.internal.problems;

import java.util.List;

import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IPartListener2;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.IWorkbenchPartReference;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.part.ViewPart;

import dev.pinscope.diagram.internal.editor.ScenarioEditor;
import dev.pinscope.model.validation.ElementLabels;

/**
 * Scenario Problems: the validation errors of the active scenario editor, updated after every
 * change. Double-click (or Enter) selects the element in the diagram.
 */
public class ScenarioProblemsView extends ViewPart {

    private TableViewer table;
    private ScenarioEditor editor;
    private final Runnable update = this::update;

    private final IPartListener2 parts = new IPartListener2() {
        @Override
        public void partActivated(IWorkbenchPartReference ref) {
            IWorkbenchPart p = ref.getPart(false);
            if (p instanceof ScenarioEditor e) {
                track(e);
            }
        }

        @Override
        public void partClosed(IWorkbenchPartReference ref) {
            if (ref.getPart(false) == editor) {
                track(null);
            }
        }
    };

    @Override
    public void createPartControl(Composite parent) {
        table = new TableViewer(parent, SWT.FULL_SELECTION | SWT.SINGLE | SWT.H_SCROLL | SWT.V_SCROLL);
        table.getTable().setHeaderVisible(true);
        table.getTable().setLinesVisible(true);
        column("Description", 620, p -> p.message(),
                p -> PlatformUI.getWorkbench().getSharedImages().getImage(ISharedImages.IMG_OBJS_ERROR_TSK));
        column("Element", 200, p -> ElementLabels.of(p.element()), p -> null);
        column("Rule", 160, Problem::rule, p -> null);
        table.setContentProvider(ArrayContentProvider.getInstance());
        table.addDoubleClickListener(e -> openSelected());
        table.addOpenListener(e -> openSelected());
        getSite().setSelectionProvider(table);
        getSite().getPage().addPartListener(parts);
        IEditorPart active = getSite().getPage().getActiveEditor();
        track(active instanceof ScenarioEditor e ? e : null);
    }

    private void column(String title, int width, java.util.function.Function<Problem, String> text,
            java.util.function.Function<Problem, Image> image) {
        TableViewerColumn c = new TableViewerColumn(table, SWT.LEFT);
        c.getColumn().setText(title);
        c.getColumn().setWidth(width);
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((Problem) element);
            }

            @Override
            public Image getImage(Object element) {
                return image.apply((Problem) element);
            }
        });
    }

    private void track(ScenarioEditor e) {
        if (editor == e) {
            update();
            return;
        }
        if (editor != null) {
            editor.removeValidationListener(update);
        }
        editor = e;
        if (editor != null) {
            editor.addValidationListener(update);
        }
        update();
    }

    private void update() {
        if (table == null || table.getControl().isDisposed()) {
            return;
        }
        List<Problem> problems = editor == null ? List.of() : editor.validation().problems();
        table.setInput(problems);
        setContentDescription(editor == null ? "No scenario editor is active."
                : problems.isEmpty() ? editor.getPartName() + ": no problems."
                : editor.getPartName() + ": " + problems.size() + (problems.size() == 1 ? " problem" : " problems"));
    }

    /** Selects the element of the selected problem in its editor. */
    public boolean openSelected() {
        Object sel = ((IStructuredSelection) table.getSelection()).getFirstElement();
        if (sel instanceof Problem p && editor != null) {
            return editor.reveal(p.element());
        }
        return false;
    }

    public TableViewer table() {
        return table;
    }

    public ScenarioEditor trackedEditor() {
        return editor;
    }

    @Override
    public void setFocus() {
        table.getControl().setFocus();
    }

    @Override
    public void dispose() {
        getSite().getPage().removePartListener(parts);
        if (editor != null) {
            editor.removeValidationListener(update);
        }
        super.dispose();
    }
}

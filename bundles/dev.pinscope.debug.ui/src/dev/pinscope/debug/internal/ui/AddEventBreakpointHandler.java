package dev.pinscope.debug.internal.ui;

import java.util.Arrays;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.ui.dialogs.ListSelectionDialog;
import org.eclipse.ui.handlers.HandlerUtil;

import dev.pinscope.debug.internal.core.breakpoints.PinscopeEventBreakpoint;
import dev.pinscope.debug.internal.core.breakpoints.PinscopeEventBreakpoint.Event;

/** Breakpoints view toolbar: "Add Pinscope Event Breakpoint…". */
public class AddEventBreakpointHandler extends AbstractHandler {

    /** The list is 300 px wide by default, which cuts "label — when it fires"; size it to its longest label. */
    static void fitToLabels(org.eclipse.swt.widgets.Shell shell) {
        org.eclipse.swt.widgets.Table table = findTable(shell);
        if (table != null && table.getLayoutData() instanceof org.eclipse.swt.layout.GridData data) {
            data.widthHint = Math.max(data.widthHint, table.computeSize(org.eclipse.swt.SWT.DEFAULT, org.eclipse.swt.SWT.DEFAULT).x + 24);
            var size = shell.computeSize(org.eclipse.swt.SWT.DEFAULT, org.eclipse.swt.SWT.DEFAULT);
            var screen = shell.getMonitor().getClientArea();
            shell.setSize(Math.min(size.x, screen.width), Math.min(Math.max(size.y, shell.getSize().y), screen.height));
        }
    }

    private static org.eclipse.swt.widgets.Table findTable(org.eclipse.swt.widgets.Control c) {
        if (c instanceof org.eclipse.swt.widgets.Table t) {
            return t;
        }
        if (c instanceof org.eclipse.swt.widgets.Composite comp) {
            for (org.eclipse.swt.widgets.Control child : comp.getChildren()) {
                org.eclipse.swt.widgets.Table t = findTable(child);
                if (t != null) {
                    return t;
                }
            }
        }
        return null;
    }

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        ListSelectionDialog d = ListSelectionDialog.of(Arrays.asList(Event.values()))
                .contentProvider(ArrayContentProvider.getInstance())
                .labelProvider(new LabelProvider() {
                    @Override
                    public String getText(Object element) {
                        Event e = (Event) element;
                        return e.label + " — " + e.description;
                    }
                })
                .message("Suspend the run when:")
                .title("Add Event Breakpoint")
                .create(HandlerUtil.getActiveShell(event));
        d.create();
        fitToLabels(d.getShell());
        if (d.open() == 0) {
            for (Object o : d.getResult()) {
                try {
                    new PinscopeEventBreakpoint((Event) o);
                } catch (CoreException e) {
                    throw new ExecutionException(e.getMessage(), e);
                }
            }
        }
        return null;
    }
}

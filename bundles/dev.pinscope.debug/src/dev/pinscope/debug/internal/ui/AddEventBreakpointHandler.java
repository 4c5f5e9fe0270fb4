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

import dev.pinscope.debug.internal.breakpoints.PinscopeEventBreakpoint;
import dev.pinscope.debug.internal.breakpoints.PinscopeEventBreakpoint.Event;

/** Breakpoints view toolbar: "Add Pinscope Event Breakpoint…". */
public class AddEventBreakpointHandler extends AbstractHandler {

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

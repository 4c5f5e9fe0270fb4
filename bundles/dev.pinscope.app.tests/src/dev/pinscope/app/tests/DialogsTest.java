package dev.pinscope.app.tests;

import static dev.pinscope.testsupport.UiTestSupport.drain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.ToolItem;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.Test;

import dev.pinscope.app.internal.DropDownTooltips;
import dev.pinscope.app.internal.PinscopeWorkbenchAdvisor;

/** Dialogs and tool tips show their whole text at the default font and hide nothing a user needs. */
class DialogsTest extends WorkbenchTestCase {

    @Test
    void theEventBreakpointDialogShowsEveryLabelInFull() throws Exception {
        Display display = Display.getCurrent();
        List<String> cut = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        Runnable inspect = new Runnable() {
            int tries;

            @Override
            public void run() {
                Shell dialog = display.getActiveShell();
                Table table = dialog == null ? null : WelcomeTest.find(dialog, Table.class);
                if (table == null || !"Add Event Breakpoint".equals(dialog.getText())) {
                    if (tries++ < 100) {
                        display.timerExec(50, this);
                    }
                    return;
                }
                GC gc = new GC(table);
                int visible = table.getClientArea().width;
                for (TableItem item : table.getItems()) {
                    labels.add(item.getText());
                    int right = item.getTextBounds(0).x + gc.textExtent(item.getText()).x;
                    if (right > visible) {
                        cut.add(item.getText() + " (" + right + " > " + visible + " px)");
                    }
                }
                gc.dispose();
                WorkbenchTest.screenshotQuietly(dialog, "event-breakpoint-dialog.png");
                dialog.close();
            }
        };
        display.timerExec(50, inspect);
        page().getWorkbenchWindow().getService(IHandlerService.class).executeCommand("dev.pinscope.debug.addEventBreakpoint", null);
        drain();
        assertFalse(labels.isEmpty(), "the dialog listed the events");
        assertEquals(List.of(), cut, "labels cut at the default font");
    }

    @Test
    void theDebugButtonsToolTipDoesNotCoverItsPolicyDropDown() throws Exception {
        PinscopeWorkbenchAdvisor.openWelcomeExample(page());
        drain();
        ToolItem debug = MenusTest.mainToolItems().stream()
                .filter(i -> "dev.pinscope.debug.debugScenario".equals(MenusTest.commandOf(i)) && (i.getStyle() & SWT.DROP_DOWN) != 0)
                .findFirst().orElse(null);
        assertNotNull(debug, "the Debug Scenario drop-down is in the tool bar");
        String tip = debug.getToolTipText();
        assertNotNull(tip);
        Display display = Display.getCurrent();
        boolean[] checked = {false};
        String[] tipWhileOpen = {"not checked"};
        display.timerExec(600, () -> {
            tipWhileOpen[0] = debug.getToolTipText();
            checked[0] = true;
            WorkbenchTest.screenshotQuietly(page().getWorkbenchWindow().getShell(), "debug-drop-down.png");
            for (Shell s : display.getShells()) {
                s.getDisplay(); // the drop-down is a native menu: close it with Escape
            }
            try {
                new ProcessBuilder("xdotool", "key", "Escape").inheritIO().start().waitFor();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        // the arrow part of the button, as a click on it reports it
        Event arrow = new Event();
        arrow.detail = SWT.ARROW;
        var b = debug.getBounds();
        arrow.x = b.x + b.width - 4;
        arrow.y = b.y + b.height;
        debug.notifyListeners(SWT.Selection, arrow);
        long end = System.currentTimeMillis() + 3000;
        while (!checked[0] && System.currentTimeMillis() < end) {
            if (!display.readAndDispatch()) {
                Thread.sleep(20);
            }
        }
        for (int i = 0; i < 20; i++) {
            drain();
            Thread.sleep(20);
        }
        assertTrue(checked[0], "the drop-down opened");
        assertNull(tipWhileOpen[0], "no tool tip while the policy drop-down is open");
        assertFalse(DropDownTooltips.isQuiet(debug));
        assertEquals(tip, debug.getToolTipText(), "the tool tip comes back when the drop-down closes");
    }
}

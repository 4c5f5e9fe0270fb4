package dev.pinscope.results.tests;

import static dev.pinscope.testsupport.UiTestSupport.drain;
import static dev.pinscope.testsupport.UiTestSupport.settle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.ToolBar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.pinscope.results.ResultsIds;
import dev.pinscope.results.internal.ResultsView;

/**
 * A narrow Results view (the window made narrow, as on a laptop screen split in two): the status line must be
 * shown whole, below the view's tool bar, never under it. Read from the widgets' bounds on the display.
 */
class NarrowViewTest {
    @TempDir
    Path tmp;

    private Rectangle oldBounds;
    private Shell shell;

    @AfterEach
    void tearDown() {
        if (shell != null && oldBounds != null) {
            shell.setBounds(oldBounds);
        }
        Fixture.reset();
    }

    private static Rectangle onDisplay(Control c) {
        return c.getDisplay().map(c.getParent(), null, c.getBounds());
    }

    private static void collect(Control c, Class<?> type, List<Control> out) {
        if (type.isInstance(c) && c.isVisible()) {
            out.add(c);
        }
        if (c instanceof Composite k) {
            for (Control child : k.getChildren()) {
                collect(child, type, out);
            }
        }
    }

    /** The on-screen bounds of every visible control under {@code c}, in tree order. */
    private static List<Rectangle> geometry(Control c) {
        List<Control> all = new ArrayList<>();
        collect(c, Control.class, all);
        List<Rectangle> out = new ArrayList<>();
        for (Control k : all) {
            out.add(onDisplay(k));
        }
        return out;
    }

    /** Example 04 saved, opened and compared: the Results view showing its results. */
    private ResultsView comparedLivelockExample() throws Exception {
        Fixture.open(Fixture.save(Fixture.example("04-adversarial-livelock"), tmp, "04-adversarial-livelock.pinscope"));
        Fixture.command(ResultsIds.COMPARE_COMMAND);
        return Fixture.waitForResults(60_000);
    }

    /** The part stack (tab folder) that holds {@code c}: the view's tool bar sits in its tab row. */
    private static CTabFolder stackOf(Control c) {
        while (c != null && !(c instanceof CTabFolder)) {
            c = c.getParent();
        }
        assertNotNull(c, "the view is in a part stack");
        return (CTabFolder) c;
    }

    @Test
    void theStatusLineIsNotUnderTheToolBarWhenTheViewIsNarrow() throws Exception {
        ResultsView v = comparedLivelockExample();
        shell = v.getSite().getShell();
        oldBounds = shell.getBounds();
        List<String> failures = new ArrayList<>();
        for (String perspective : List.of("dev.pinscope.app.perspective.design", "dev.pinscope.app.perspective.debug")) {
            Fixture.page().setPerspective(org.eclipse.ui.PlatformUI.getWorkbench().getPerspectiveRegistry().findPerspectiveWithId(perspective));
            Fixture.page().showView(ResultsIds.VIEW_ID);
            measure(v, perspective.substring(perspective.lastIndexOf('.') + 1), failures);
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertFalse(v.statusText().isEmpty());
    }

    /**
     * The view keeps no view menu (a second tool bar in the tab row, which the platform wraps onto a row it does
     * not always leave room for): its entries are on the tool bar's Export drop-down. Read from the tool item the
     * user clicks and the menu it opens.
     */
    @Test
    void exportIsADropDownOnTheToolBarWithEveryExportAndSaveACopy() throws Exception {
        ResultsView v = comparedLivelockExample();
        Fixture.page().activate(v);
        drain();
        Control c = stackOf(v.tree().getParent().getParent());
        List<Control> bars = new ArrayList<>();
        collect(c, ToolBar.class, bars);
        org.eclipse.swt.widgets.ToolItem export = null;
        int viewMenus = 0;
        StringBuilder seen = new StringBuilder();
        for (Control b : bars) {
            ToolBar bar = (ToolBar) b;
            if (bar.getItemCount() > 0) {
                seen.append("\n  tool bar ").append(onDisplay(bar)).append(':');
                for (org.eclipse.swt.widgets.ToolItem item : bar.getItems()) {
                    seen.append(" [").append(item.getToolTipText()).append(item.getText().isEmpty() ? "" : " / " + item.getText()).append(']');
                }
            }
            for (org.eclipse.swt.widgets.ToolItem item : bar.getItems()) {
                if (item.getToolTipText() != null && item.getToolTipText().startsWith("Export")) {
                    export = item;
                }
                if ("View Menu".equals(item.getToolTipText())) {
                    viewMenus++;
                }
            }
        }
        assertEquals(0, viewMenus, "no view menu in the view's tab row:" + seen);
        assertNotNull(export, "an Export item on the view tool bar");
        assertTrue((export.getStyle() & org.eclipse.swt.SWT.DROP_DOWN) != 0, "Export is a drop-down");
        var action = ((org.eclipse.jface.action.ActionContributionItem) export.getData()).getAction();
        org.eclipse.swt.widgets.Menu menu = action.getMenuCreator().getMenu(export.getParent());
        menu.notifyListeners(org.eclipse.swt.SWT.Show, new org.eclipse.swt.widgets.Event()); // as it opens: fills it
        List<String> texts = new ArrayList<>();
        for (org.eclipse.swt.widgets.MenuItem mi : menu.getItems()) {
            if (!mi.getText().isEmpty()) {
                texts.add(mi.getText());
            }
        }
        assertEquals(List.of("Markdown…", "JSON (CLI --json shape)…", "HTML Report…", "Diagram as PNG…", "Diagram as SVG…",
                "Save a Copy with Its Results…"), texts);
    }

    /** Every window width from 1000 px down to 340 px in 20 px steps (the tool bar wraps somewhere in between). */
    private void measure(ResultsView v, String perspective, List<String> failures) throws Exception {
        for (int width = 1000; width >= 340; width -= 20) {
            shell.setBounds(0, 0, width, 900);
            Fixture.page().activate(v);
            drain();
            Control body = v.tree().getParent().getParent(); // the view's own composite
            // judge the layout the user ends up with: the tab row's tool bar is placed a frame or two after the
            // resize (GTK's frame clock), so wait until every bound read below has stopped moving
            Control c = stackOf(body);
            assertTrue(settle(() -> geometry(c), 10_000),
                    perspective + ", " + width + " px: the layout never settled");
            List<Control> labels = new ArrayList<>();
            collect(body, Label.class, labels);
            Label status = (Label) labels.stream().filter(l -> ((Label) l).getText().equals(v.statusText())).findFirst().orElse(null);
            assertNotNull(status, "the status line is shown");
            Rectangle s = onDisplay(status);
            Point wanted = status.computeSize(status.getSize().x, -1);
            if (wanted.y > status.getSize().y) {
                failures.add(perspective + ", " + width + " px: the status line is cut (" + status.getSize().y + " of " + wanted.y + " px shown)");
            }
            List<Control> bars = new ArrayList<>();
            collect(c, ToolBar.class, bars);
            for (Control bar : bars) {
                if (bar.isVisible() && ((ToolBar) bar).getItemCount() > 0 && onDisplay(bar).intersects(s)) {
                    failures.add(perspective + ", " + width + " px: the tool bar " + onDisplay(bar) + " covers the status line " + s);
                }
            }
            Rectangle client = onDisplay(body);
            if (!client.contains(s.x, s.y) || s.x + s.width > client.x + client.width + 1) {
                failures.add(perspective + ", " + width + " px: the status line " + s + " is outside the view " + client);
            }
            if (width == 380) {
                Fixture.screenshot(shell, "results-narrow-" + perspective + ".png");
            }
        }
    }
}

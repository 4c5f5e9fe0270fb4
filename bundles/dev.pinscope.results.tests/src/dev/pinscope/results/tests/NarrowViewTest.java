package dev.pinscope.results.tests;

import static dev.pinscope.testsupport.UiTestSupport.drain;
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

    @Test
    void theStatusLineIsNotUnderTheToolBarWhenTheViewIsNarrow() throws Exception {
        Path file = Fixture.save(Fixture.example("04-adversarial-livelock"), tmp, "04-adversarial-livelock.pinscope");
        Fixture.open(file);
        Fixture.command(ResultsIds.COMPARE_COMMAND);
        ResultsView v = Fixture.waitForResults(60_000);
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

    /** Every window width from 1000 px down to 340 px in 20 px steps (the tool bar wraps somewhere in between). */
    private void measure(ResultsView v, String perspective, List<String> failures) throws Exception {
        for (int width = 1000; width >= 340; width -= 20) {
            shell.setBounds(0, 0, width, 900);
            Fixture.page().activate(v);
            drain();
            Control body = v.tree().getParent().getParent(); // the view's own composite
            List<Control> labels = new ArrayList<>();
            collect(body, Label.class, labels);
            Label status = (Label) labels.stream().filter(l -> ((Label) l).getText().equals(v.statusText())).findFirst().orElse(null);
            assertNotNull(status, "the status line is shown");
            Rectangle s = onDisplay(status);
            Point wanted = status.computeSize(status.getSize().x, -1);
            if (wanted.y > status.getSize().y) {
                failures.add(perspective + ", " + width + " px: the status line is cut (" + status.getSize().y + " of " + wanted.y + " px shown)");
            }
            // the view's tool bar sits in its part stack's tab row (the CTabFolder around the view)
            Control c = body;
            while (c != null && !(c instanceof CTabFolder)) {
                c = c.getParent();
            }
            assertNotNull(c, "the view is in a part stack");
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

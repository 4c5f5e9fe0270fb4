package dev.pinscope.results.tests;

import static dev.pinscope.testsupport.UiTestSupport.drain;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinscope.results.internal.ResultsView;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IWorkbenchPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's picture: the Results view after Compare Policies on §10 row 4, a livelock lasso selected. */
class ScreenshotTest {
    @TempDir
    Path tmp;

    @AfterEach
    void tearDown() {
        Fixture.reset();
    }

    @Test
    void resultsViewWithALasso() throws Exception {
        Path file = Fixture.save(Fixture.example("04-adversarial-livelock"), tmp, "04-adversarial-livelock.pinscope");
        Fixture.open(file);
        ResultsView v = Fixture.compareMaximized();
        var shell = v.getSite().getShell();
        TreeItem lasso = Fixture.rowsOfKind(v, "LIVELOCK").get(0);
        v.tree().setSelection(lasso);
        v.tree().showItem(lasso);
        drain();
        Thread.sleep(200);
        Path png = Fixture.screenshot(shell, "results.png");
        assertTrue(Files.size(png) > 20_000, "a real picture");
        assertFalse(v.plainText().isEmpty());
        Fixture.page().setPartState(Fixture.page().getReference(v), IWorkbenchPage.STATE_RESTORED);
    }
}

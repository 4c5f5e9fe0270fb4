package dev.pinscope.diagram.tests;

import static dev.pinscope.testsupport.UiTestSupport.drain;
import static org.junit.jupiter.api.Assertions.assertTrue;


import org.junit.jupiter.api.Test;

import dev.pinscope.diagram.internal.editor.ScenarioEditor;
import dev.pinscope.model.builder.ScenarioBuilder;
import dev.pinscope.model.scenario.PageLevel;
import dev.pinscope.model.scenario.Scenario;
import dev.pinscope.model.scenario.ZapTrigger;

/** The README picture: every kind of element on one diagram, with no validation problem. */
class ScreenshotTest extends EditorTestCase {

    static Scenario tour() {
        long bar0 = 0x7f00_0000_0000L;
        long bar2 = 0x7f10_0000_0000L;
        return ScenarioBuilder.named("tour")
                .device("0000:01:00.0").bar(0, 0x38_0000_0000L, 1L << 30).bar(2, 0x38_4000_0000L, 32L << 20)
                .barVma("bar0", bar0, 1L << 30, 0, 0)
                .barVma("bar2", bar2, 8L << 20, 2, 0)
                .entry(PageLevel.PUD, bar0)
                .entry(PageLevel.PMD, bar2)
                .entry(PageLevel.PTE, bar2 + (2L << 20))
                .entry(PageLevel.PTE, bar2 + (2L << 20) + 4096)
                .pinner("qemu", bar0, 1L << 30)
                .walker("numa_maps", "bar0", 2)
                .zapper("reset", "0000:01:00.0", ZapTrigger.DEVICE_RESET, 1)
                .cpuAccess("guest", bar2 + (2L << 20), true, 1)
                .build();
    }

    @Test
    void editorScreenshot() throws Exception {
        ScenarioEditor editor = EditorFixture.open(dir, "tour.pinscope", tour());
        assertTrue(editor.validation().isEmpty(), editor.validation().problems().toString());
        var shell = editor.getSite().getShell();
        var size = shell.getSize();
        shell.setSize(1500, 940);
        try {
            EditorFixture.page().setPartState(EditorFixture.page().getReference(editor), org.eclipse.ui.IWorkbenchPage.STATE_MAXIMIZED);
            drain();
            editor.fitToWindow(); // as on open, now that the editor has the whole window
            drain();
            editor.viewer().getControl().redraw();
            drain();
            Thread.sleep(300);
            drain();
            EditorFixture.screenshot(editor.viewer().getControl(), "editor-tour.png");
        } finally {
            EditorFixture.page().setPartState(EditorFixture.page().getReference(editor), org.eclipse.ui.IWorkbenchPage.STATE_RESTORED);
            shell.setSize(size);
        }
    }
}

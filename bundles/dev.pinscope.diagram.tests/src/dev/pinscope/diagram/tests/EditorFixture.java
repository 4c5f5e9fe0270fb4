package dev.pinscope.diagram.tests;

import static dev.pinscope.testsupport.UiTestSupport.drain;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.eclipse.core.filesystem.EFS;
import org.eclipse.draw2d.IFigure;
import org.eclipse.draw2d.geometry.Point;
import org.eclipse.draw2d.geometry.Rectangle;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.gef.EditPart;
import org.eclipse.gef.GraphicalEditPart;
import org.eclipse.gef.commands.Command;
import org.eclipse.swt.widgets.Control;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;

import dev.pinscope.diagram.internal.editor.ScenarioEditor;
import dev.pinscope.diagram.internal.layout.DiagramLayout;
import dev.pinscope.model.builder.ScenarioBuilder;
import dev.pinscope.model.io.Scenarios;
import dev.pinscope.model.scenario.PageLevel;
import dev.pinscope.model.scenario.Scenario;
import dev.pinscope.model.scenario.ZapTrigger;
import dev.pinscope.testsupport.UiTestSupport;

/** Opens real scenario editors in the running workbench and drives them like a user's tools do. */
final class EditorFixture {

    static final long VMA0 = 0x7f00_0000_0000L;
    static final long BAR0 = 0x38_0000_0000L;

    private EditorFixture() {
    }

    static IWorkbenchPage page() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    }

    /** A small scenario: a 1G BAR mmap with two PMD leaves, a device with its BAR, a pinner, a walker, a zapper. */
    static Scenario small() {
        return ScenarioBuilder.named("editor test")
                .device("0000:01:00.0").bar(0, BAR0, 1L << 30)
                .barVma("bar0", VMA0, 1L << 30, 0, 0)
                .entry(PageLevel.PMD, VMA0)
                .entry(PageLevel.PMD, VMA0 + (2L << 20))
                .pinner("qemu", VMA0, 4L << 20)
                .walker("numa_maps", "bar0", 1)
                .zapper("reset", "0000:01:00.0", ZapTrigger.DEVICE_RESET, 1)
                .build();
    }

    /** Writes {@code s} to a new file in {@code dir} and opens it as File › Open File… does. */
    static ScenarioEditor open(Path dir, String name, Scenario s) throws Exception {
        Path file = dir.resolve(name);
        assertTrue(Scenarios.save(s, file).ok());
        return openFile(file);
    }

    static ScenarioEditor openFile(Path file) throws Exception {
        return openFile(file, true);
    }

    /** Opens {@code file}; {@code fullSize}: then resets the zoom to 100 % for tests that click at diagram coordinates. */
    static ScenarioEditor openFile(Path file, boolean fullSize) throws Exception {
        IEditorPart part = IDE.openEditorOnFileStore(page(), EFS.getLocalFileSystem().getStore(file.toUri()));
        drain();
        assertTrue(part instanceof ScenarioEditor, "the scenario editor opened " + file + " but got " + part);
        if (fullSize) {
            atFullSize((ScenarioEditor) part);
        }
        return (ScenarioEditor) part;
    }

    static Path saved(Path dir, String name, Scenario s) {
        Path file = dir.resolve(name);
        assertTrue(Scenarios.save(s, file).ok());
        return file;
    }

    /**
     * Editing tests click at diagram coordinates: at 100 % a pixel is a pixel (the editor may have
     * zoomed a diagram that does not fit the test window out on open).
     */
    static void atFullSize(ScenarioEditor e) {
        ((org.eclipse.gef.editparts.ScalableFreeformRootEditPart) e.viewer().getRootEditPart()).getZoomManager().setZoom(1.0);
        drain();
    }

    static DiagramLayout layout(ScenarioEditor e) {
        return e.context().layout();
    }

    static GraphicalEditPart part(ScenarioEditor e, EObject element) {
        Object p = e.viewer().getEditPartRegistry().get(element);
        assertNotNull(p, "an edit part shows " + element);
        return (GraphicalEditPart) p;
    }

    /** Viewer (mouse) coordinates of a point given in diagram coordinates. */
    static Point toViewer(ScenarioEditor e, int x, int y) {
        Point p = new Point(x, y);
        IFigure content = e.diagramPart().getContentPane();
        content.translateToAbsolute(p);
        return p;
    }

    static Rectangle absoluteBounds(GraphicalEditPart p) {
        Rectangle r = p.getFigure().getBounds().getCopy();
        p.getFigure().translateToAbsolute(r);
        return r;
    }

    static void execute(ScenarioEditor e, Command c) {
        assertNotNull(c, "the edit policies answer the request with a command");
        assertTrue(c.canExecute(), "the command can run: " + c.getLabel());
        e.viewer().getEditDomain().getCommandStack().execute(c);
        drain();
    }

    static EditPart target(ScenarioEditor e, org.eclipse.gef.Request request, Point at) {
        EditPart hit = e.viewer().findObjectAtExcluding(at, java.util.Collections.emptyList());
        EditPart target = hit.getTargetEditPart(request);
        assertNotNull(target, "something takes the request at " + at + "; the part there is " + hit);
        return target;
    }

    static void screenshot(Control control, String name) throws Exception {
        UiTestSupport.screenshot(control, name);
    }
}

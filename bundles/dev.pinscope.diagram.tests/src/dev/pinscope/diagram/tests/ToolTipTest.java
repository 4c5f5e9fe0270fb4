package dev.pinscope.diagram.tests;

import static dev.pinscope.testsupport.UiTestSupport.drain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.draw2d.FigureCanvas;
import org.eclipse.draw2d.IFigure;
import org.eclipse.draw2d.Label;
import org.eclipse.draw2d.LightweightSystem;
import org.eclipse.draw2d.PopUpHelper;
import org.eclipse.draw2d.SWTEventDispatcher;
import org.eclipse.draw2d.geometry.Point;
import org.eclipse.gef.ui.parts.GraphicalViewerImpl;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.events.MouseEvent;
import org.eclipse.swt.widgets.Event;
import org.eclipse.ui.actions.ActionFactory;
import org.junit.jupiter.api.Test;

import dev.pinscope.diagram.internal.editor.ScenarioEditor;
import dev.pinscope.diagram.internal.parts.ElementEditPart;
import dev.pinscope.diagram.internal.properties.EmfPropertySource;
import dev.pinscope.model.scenario.Actor;

/**
 * The tooltip a user sees when the mouse rests on an element names it as it is now (renamed in
 * Properties), and goes away with it when it is deleted; nothing of the element is left in the
 * diagram. The mouse is moved and rested through the viewer's own event dispatcher, as SWT would
 * deliver it, and the text is read from the tooltip window's figure.
 */
class ToolTipTest extends EditorTestCase {

    @Test
    void aTooltipNamesTheElementAsItIsAndGoesWithIt() throws Exception {
        ScenarioEditor editor = EditorFixture.open(dir, "tips.pinscope", EditorFixture.small());
        EditorFixture.atFullSize(editor);
        Actor qemu = editor.getScenario().getActors().stream().filter(a -> a.getName().equals("qemu")).findFirst().orElseThrow();
        IFigure figure = EditorFixture.part(editor, qemu).getFigure();
        editor.viewer().reveal(EditorFixture.part(editor, qemu));
        drain();

        rest(editor, figure);
        PopUpHelper tip = toolTipHelper(editor);
        assertTrue(tip.isShowing(), "a tooltip is up over qemu: " + under(editor) + " at " + centre(figure) + ", qemu at " + figure.getBounds());
        assertTrue(shownText(tip).contains("qemu"), "it names qemu: " + shownText(tip));
        // on to another element (draw2d shows a figure's tooltip again only after another's)
        Actor walker = editor.getScenario().getActors().stream().filter(a -> a.getName().equals("numa_maps")).findFirst().orElseThrow();
        rest(editor, EditorFixture.part(editor, walker).getFigure());
        assertTrue(tip.isShowing() && shownText(tip).contains("numa_maps"), "the tooltip follows the mouse to numa_maps: " + shownText(tip));

        EmfPropertySource props = (EmfPropertySource) EmfPropertySource.of(editor.domain(), qemu);
        props.setPropertyValue(props.idOf("name"), "qemu-kvm");
        drain();
        assertEquals("qemu-kvm", qemu.getName());
        assertTrue(editor.getCommandStack().canUndo(), "renamed through a command");
        figure = EditorFixture.part(editor, qemu).getFigure();
        editor.viewer().reveal(EditorFixture.part(editor, qemu));
        drain();
        rest(editor, figure);
        tip = toolTipHelper(editor);
        assertTrue(tip.isShowing(), "the tooltip is up again");
        String shown = shownText(tip);
        assertTrue(shown.contains("qemu-kvm"), "it shows the new name: " + shown);
        assertFalse(shown.replace("qemu-kvm", "").contains("qemu"), "and not the old one: " + shown);

        // deleted while its tooltip is up
        Point where = figure.getBounds().getCenter(); // in diagram coordinates
        editor.viewer().setSelection(new StructuredSelection(EditorFixture.part(editor, qemu)));
        editor.actions().getAction(ActionFactory.DELETE.getId()).run();
        assertFalse(tip.isShowing(), "the tooltip went with qemu-kvm");
        drain();
        assertFalse(editor.getScenario().getActors().contains(qemu));
        assertNull(editor.viewer().getEditPartRegistry().get(qemu), "no edit part of it");
        assertNull(figure.getParent(), "its figure is out of the diagram");
        List<String> left = new ArrayList<>();
        for (ElementEditPart p : DiagramTexts.elementParts(editor)) {
            String text = p.elementFigure().getToolTipText();
            if (text != null && text.contains("qemu-kvm")) {
                left.add(DiagramTexts.name(p) + ": " + text);
            }
        }
        assertEquals(List.of(), left, "no figure's tooltip names it");
        // resting where it was shows no tooltip of it either
        leave(editor);
        rest(editor, absolute(editor, where));
        tip = toolTipHelper(editor);
        assertTrue(!tip.isShowing() || !shownText(tip).contains("qemu-kvm"), "no tooltip of qemu-kvm where it was: " + shownText(tip));
    }

    /** What the dispatcher found under the mouse (for a failure message). */
    private static String under(ScenarioEditor editor) throws Exception {
        StringBuilder b = new StringBuilder();
        for (String field : new String[] {"cursorTarget", "hoverSource", "mouseTarget"}) {
            var f = SWTEventDispatcher.class.getDeclaredField(field);
            f.setAccessible(true);
            Object v = f.get(dispatcher(editor));
            b.append(field).append('=').append(v == null ? "null" : v.getClass().getSimpleName()).append(' ');
        }
        return b.toString();
    }

    private static Point centre(IFigure f) {
        Point c = f.getBounds().getCenter();
        f.translateToAbsolute(c);
        return c;
    }

    /** Canvas pixels of a point of the diagram, as the viewport is scrolled and zoomed now. */
    private static Point absolute(ScenarioEditor editor, Point diagram) {
        Point p = diagram.getCopy();
        editor.diagramPart().getContentPane().translateToAbsolute(p);
        return p;
    }

    private static SWTEventDispatcher dispatcher(ScenarioEditor editor) throws Exception {
        Method m = GraphicalViewerImpl.class.getDeclaredMethod("getEventDispatcher");
        m.setAccessible(true);
        return (SWTEventDispatcher) m.invoke(editor.viewer());
    }

    private static PopUpHelper toolTipHelper(ScenarioEditor editor) throws Exception {
        Method m = SWTEventDispatcher.class.getDeclaredMethod("getToolTipHelper");
        m.setAccessible(true);
        return (PopUpHelper) m.invoke(dispatcher(editor));
    }

    /** The text of the figure the tooltip window shows. */
    private static String shownText(PopUpHelper tip) throws Exception {
        Method m = PopUpHelper.class.getDeclaredMethod("getLightweightSystem");
        m.setAccessible(true);
        LightweightSystem lws = (LightweightSystem) m.invoke(tip);
        StringBuilder b = new StringBuilder();
        collect(lws.getRootFigure(), b);
        return b.toString();
    }

    private static void collect(IFigure f, StringBuilder b) {
        if (f instanceof Label l) {
            b.append(l.getText()).append('\n');
        }
        for (Object c : f.getChildren()) {
            collect((IFigure) c, b);
        }
    }

    /** Moves the mouse onto the middle of {@code f} and rests it there, as SWT reports it. */
    private static void rest(ScenarioEditor editor, IFigure f) throws Exception {
        rest(editor, centre(f));
    }

    private static void rest(ScenarioEditor editor, Point c) throws Exception {
        var area = ((FigureCanvas) editor.viewer().getControl()).getClientArea();
        assertTrue(area.contains(c.x, c.y), "the point " + c + " is in the window " + area);
        MouseEvent me = mouse(editor, c.x, c.y, SWT.MouseMove);
        SWTEventDispatcher d = dispatcher(editor);
        d.dispatchMouseMoved(me);
        d.dispatchMouseHover(mouse(editor, c.x, c.y, SWT.MouseHover));
    }

    /** Moves the mouse to an empty corner of the canvas. */
    private static void leave(ScenarioEditor editor) throws Exception {
        dispatcher(editor).dispatchMouseMoved(mouse(editor, 2, 2, SWT.MouseMove));
    }

    private static MouseEvent mouse(ScenarioEditor editor, int x, int y, int type) {
        FigureCanvas canvas = (FigureCanvas) editor.viewer().getControl();
        Event e = new Event();
        e.widget = canvas;
        e.display = canvas.getDisplay();
        e.type = type;
        e.x = x;
        e.y = y;
        return new MouseEvent(e);
    }
}

package dev.pinscope.diagram.internal.parts;

import java.lang.reflect.Method;

import org.eclipse.draw2d.PopUpHelper;
import org.eclipse.draw2d.SWTEventDispatcher;
import org.eclipse.gef.EditPartViewer;
import org.eclipse.gef.ui.parts.GraphicalViewerImpl;

/**
 * Hides the diagram's tooltip when the element it describes is deleted: draw2d keeps a tooltip up
 * until the mouse moves, so after Del (or undo of a creation) it would describe nothing. draw2d
 * 3.2 offers no public call for it, so this reaches the viewer's tooltip helper reflectively and
 * does nothing if that ever fails.
 */
final class ToolTips {

    private static Method dispatcher;
    private static Method helper;
    private static Method hide;

    private ToolTips() {
    }

    static void hide(EditPartViewer viewer) {
        if (!(viewer instanceof GraphicalViewerImpl)) {
            return;
        }
        try {
            if (hide == null) {
                dispatcher = GraphicalViewerImpl.class.getDeclaredMethod("getEventDispatcher");
                dispatcher.setAccessible(true);
                helper = SWTEventDispatcher.class.getDeclaredMethod("getToolTipHelper");
                helper.setAccessible(true);
                Method h = PopUpHelper.class.getDeclaredMethod("hide");
                h.setAccessible(true);
                hide = h;
            }
            Object d = dispatcher.invoke(viewer);
            if (!(d instanceof SWTEventDispatcher)) {
                return;
            }
            Object tip = helper.invoke(d);
            if (tip instanceof PopUpHelper p && p.isShowing()) {
                hide.invoke(p);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // a stale tooltip is a cosmetic matter: never fail a delete over it
        }
    }
}

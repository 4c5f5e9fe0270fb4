package dev.pinscope.diagram.internal.editor;

import org.eclipse.gef.editparts.ZoomManager;
import org.eclipse.jface.action.Action;

/** View › Zoom to Fit: the whole scenario in the window. */
public class ZoomToFitAction extends Action {

    private final ZoomManager zoom;

    public ZoomToFitAction(ZoomManager zoom) {
        super("Zoom to &Fit");
        this.zoom = zoom;
        setId(ScenarioEditor.ZOOM_FIT);
        setToolTipText("Zoom so the whole scenario fits the window");
    }

    @Override
    public void run() {
        zoom.setZoomAsText(ZoomManager.FIT_ALL);
    }
}

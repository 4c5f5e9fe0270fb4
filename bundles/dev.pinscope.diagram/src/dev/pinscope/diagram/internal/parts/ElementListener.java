package dev.pinscope.diagram.internal.parts;

import org.eclipse.emf.common.notify.Adapter;
import org.eclipse.emf.common.notify.Notification;
import org.eclipse.emf.common.notify.impl.AdapterImpl;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.gef.EditPart;
import org.eclipse.gef.EditPartListener;

/**
 * How a diagram or outline part follows its model element, as GEF parts do: it listens to the element
 * from the part's activation to its deactivation and refreshes the part on a real change (not a
 * touch) while the part is active. Models that are no EMF object (runs, outline groups) are not
 * listened to.
 */
final class ElementListener extends EditPartListener.Stub {

    private final Adapter adapter;

    private ElementListener(EditPart part, Runnable refresh) {
        adapter = new AdapterImpl() {
            @Override
            public void notifyChanged(Notification n) {
                if (!n.isTouch() && part.isActive()) {
                    refresh.run();
                }
            }
        };
    }

    /** Makes {@code part} run {@code refresh} whenever its model element changes while the part is active. */
    static void follow(EditPart part, Runnable refresh) {
        part.addEditPartListener(new ElementListener(part, refresh));
    }

    @Override
    public void partActivated(EditPart part) {
        if (part.getModel() instanceof EObject o) {
            o.eAdapters().add(adapter);
        }
    }

    @Override
    public void partDeactivated(EditPart part) {
        if (part.getModel() instanceof EObject o) {
            o.eAdapters().remove(adapter);
        }
    }
}

package dev.pinscope.diagram.internal.parts;

import java.util.function.BooleanSupplier;

import org.eclipse.emf.common.notify.Notification;
import org.eclipse.emf.common.notify.impl.AdapterImpl;
import org.eclipse.emf.ecore.EObject;

/**
 * How a diagram or outline part follows its model element, as GEF parts do: it listens from
 * {@code activate()} to {@code deactivate()} and refreshes itself on a real change (not a touch)
 * while it is active. Models that are no EMF object (runs, outline groups) are not listened to.
 */
final class ElementListener extends AdapterImpl {

    private final BooleanSupplier active;
    private final Runnable refresh;

    ElementListener(BooleanSupplier active, Runnable refresh) {
        this.active = active;
        this.refresh = refresh;
    }

    void listenTo(Object model) {
        if (model instanceof EObject o) {
            o.eAdapters().add(this);
        }
    }

    void stopListening(Object model) {
        if (model instanceof EObject o) {
            o.eAdapters().remove(this);
        }
    }

    @Override
    public void notifyChanged(Notification n) {
        if (!n.isTouch() && active.getAsBoolean()) {
            refresh.run();
        }
    }
}

package dev.pinscope.debug.internal.model;

import org.eclipse.debug.core.model.DebugElement;
import org.eclipse.debug.core.model.IDebugTarget;

import dev.pinscope.debug.PinscopeDebugTarget;
import dev.pinscope.debug.PinscopeLaunch;

/** Common base: every element belongs to one {@link PinscopeDebugTarget}. */
public abstract class PinscopeDebugElement extends DebugElement {

    protected PinscopeDebugElement(PinscopeDebugTarget target) {
        super(target);
    }

    public PinscopeDebugTarget target() {
        return (PinscopeDebugTarget) getDebugTarget();
    }

    @Override
    public String getModelIdentifier() {
        return PinscopeLaunch.MODEL_ID;
    }

    @Override
    public IDebugTarget getDebugTarget() {
        return super.getDebugTarget();
    }
}

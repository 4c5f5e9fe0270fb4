package dev.pinscope.debug.internal.core.model;

import org.eclipse.debug.core.model.DebugElement;
import org.eclipse.debug.core.model.IDebugTarget;

import dev.pinscope.debug.core.PinscopeDebugTarget;
import dev.pinscope.debug.core.PinscopeLaunch;

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

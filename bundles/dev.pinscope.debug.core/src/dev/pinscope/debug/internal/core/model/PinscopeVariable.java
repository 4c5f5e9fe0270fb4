package dev.pinscope.debug.internal.core.model;

import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.model.IValue;
import org.eclipse.debug.core.model.IVariable;

import dev.pinscope.debug.core.PinscopeDebugTarget;

/** A local of a frame or a piece of kernel state; read-only, flagged when the last step changed it. */
public final class PinscopeVariable extends PinscopeDebugElement implements IVariable {

    private final String name;
    private final PinscopeValue value;
    private final boolean changed;

    public PinscopeVariable(PinscopeDebugTarget target, String name, PinscopeValue value, boolean changed) {
        super(target);
        this.name = name;
        this.value = value;
        this.changed = changed;
    }

    @Override
    public IValue getValue() {
        return value;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getReferenceTypeName() {
        return "";
    }

    @Override
    public boolean hasValueChanged() {
        return changed;
    }

    @Override
    public void setValue(String expression) throws DebugException {
        throw new DebugException(org.eclipse.core.runtime.Status.error("the run's state is read-only"));
    }

    @Override
    public void setValue(IValue v) throws DebugException {
        setValue("");
    }

    @Override
    public boolean supportsValueModification() {
        return false;
    }

    @Override
    public boolean verifyValue(String expression) {
        return false;
    }

    @Override
    public boolean verifyValue(IValue v) {
        return false;
    }

    @Override
    public String toString() {
        return name + " = " + value.getValueString() + (changed ? " (changed)" : "");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PinscopeVariable v && v.getDebugTarget() == getDebugTarget() && v.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }
}

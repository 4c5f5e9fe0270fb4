package dev.pinscope.debug.internal.core.model;

import java.util.List;

import org.eclipse.debug.core.model.IValue;
import org.eclipse.debug.core.model.IVariable;

import dev.pinscope.debug.core.PinscopeDebugTarget;

/** A value as the kernel would print it (hex addresses, -EAGAIN, 2M); structured values have children. */
public final class PinscopeValue extends PinscopeDebugElement implements IValue {

    private final String text;
    private final List<PinscopeVariable> children;

    public PinscopeValue(PinscopeDebugTarget target, String text, List<PinscopeVariable> children) {
        super(target);
        this.text = text;
        this.children = List.copyOf(children);
    }

    @Override
    public String getReferenceTypeName() {
        return "";
    }

    @Override
    public String getValueString() {
        return text;
    }

    @Override
    public boolean isAllocated() {
        return true;
    }

    @Override
    public IVariable[] getVariables() {
        return children.toArray(IVariable[]::new);
    }

    @Override
    public boolean hasVariables() {
        return !children.isEmpty();
    }
}

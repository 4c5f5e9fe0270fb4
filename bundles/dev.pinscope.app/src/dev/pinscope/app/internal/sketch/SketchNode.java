package dev.pinscope.app.internal.sketch;

import java.beans.PropertyChangeListener;
import java.beans.PropertyChangeSupport;

import org.eclipse.draw2d.geometry.Rectangle;

/**
 * A box on the address-space sketch. The sketch proves GEF 3.2 on today's platform; the EMF
 * scenario editor replaces it.
 */
public class SketchNode {

    public enum Kind { VMA, PUD_ENTRY, DEVICE, PINNER }

    public static final String BOUNDS = "bounds";

    private final PropertyChangeSupport listeners = new PropertyChangeSupport(this);
    private Kind kind = Kind.VMA;
    private String label = "vma";
    private Rectangle bounds = new Rectangle(0, 0, 160, 40);

    public SketchNode() {
    }

    public SketchNode(Kind kind, String label, Rectangle bounds) {
        this.kind = kind;
        this.label = label;
        this.bounds = bounds.getCopy();
    }

    public Kind getKind() {
        return kind;
    }

    public String getLabel() {
        return label;
    }

    public Rectangle getBounds() {
        return bounds.getCopy();
    }

    public void setBounds(Rectangle newBounds) {
        Rectangle old = bounds;
        bounds = newBounds.getCopy();
        listeners.firePropertyChange(BOUNDS, old, bounds);
    }

    public void addPropertyChangeListener(PropertyChangeListener l) {
        listeners.addPropertyChangeListener(l);
    }

    public void removePropertyChangeListener(PropertyChangeListener l) {
        listeners.removePropertyChangeListener(l);
    }
}

package dev.pinscope.app.internal.sketch;

import java.beans.PropertyChangeListener;
import java.beans.PropertyChangeSupport;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.eclipse.draw2d.geometry.Rectangle;

public class SketchDiagram {

    public static final String CHILDREN = "children";

    private final PropertyChangeSupport listeners = new PropertyChangeSupport(this);
    private final List<SketchNode> nodes = new ArrayList<>();

    /** The sample shown on first start: one BAR mmap with a PUD leaf, its device, and a pinner. */
    public static SketchDiagram sample() {
        SketchDiagram d = new SketchDiagram();
        d.add(new SketchNode(SketchNode.Kind.VMA, "vma bar0 [0x7f0000000000-0x7f0040000000) PFNMAP|IO|SHARED",
                new Rectangle(20, 20, 460, 90)));
        d.add(new SketchNode(SketchNode.Kind.PUD_ENTRY, "PUD 0x7f0000000000 -> pfn 0x3800000 rw",
                new Rectangle(40, 62, 300, 30)));
        d.add(new SketchNode(SketchNode.Kind.DEVICE, "0000:01:00.0 BAR0 0x3800000000 1G",
                new Rectangle(540, 30, 260, 50)));
        d.add(new SketchNode(SketchNode.Kind.PINNER, "pinner: VFIO_IOMMU_MAP_DMA 1G", new Rectangle(20, 150, 240, 36)));
        return d;
    }

    public List<SketchNode> getNodes() {
        return Collections.unmodifiableList(nodes);
    }

    public void add(SketchNode node) {
        nodes.add(node);
        listeners.firePropertyChange(CHILDREN, null, node);
    }

    public void remove(SketchNode node) {
        nodes.remove(node);
        listeners.firePropertyChange(CHILDREN, node, null);
    }

    public void addPropertyChangeListener(PropertyChangeListener l) {
        listeners.addPropertyChangeListener(l);
    }

    public void removePropertyChangeListener(PropertyChangeListener l) {
        listeners.removePropertyChangeListener(l);
    }
}

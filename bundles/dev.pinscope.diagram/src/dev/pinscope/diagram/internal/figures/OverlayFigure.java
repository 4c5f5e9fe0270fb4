package dev.pinscope.diagram.internal.figures;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.draw2d.Figure;
import org.eclipse.draw2d.FigureUtilities;
import org.eclipse.draw2d.Graphics;
import org.eclipse.draw2d.IFigure;
import org.eclipse.draw2d.geometry.Dimension;
import org.eclipse.draw2d.geometry.Rectangle;
import org.eclipse.swt.SWT;

import dev.pinscope.diagram.IDiagramOverlay;
import dev.pinscope.diagram.IScenarioDiagram;
import dev.pinscope.diagram.internal.layout.DiagramLayout;
import dev.pinscope.diagram.internal.layout.Lanes;
import dev.pinscope.diagram.internal.layout.ScenarioMath;
import dev.pinscope.model.scenario.PageLevel;
import dev.pinscope.model.scenario.Vma;
import dev.pinscope.model.units.Hex;

/**
 * What a run adds on top of the scenario: leaves installed during the run (in their level's colour,
 * dashed until the pinner has read them), ghosts of zapped leaves (dotted, labelled who and when) and
 * split ones (hatched), unmapped VMAs crossed out, and the address being touched (an orange line
 * across the lanes); those of its leaves the overlay highlights get the elements' orange outline. Transparent to
 * the mouse. Its labels (and the address) cover no text of the diagram and no other label: in the leaf's
 * slot where a line is free, else beside it, else at the nearest free place with a dotted leader line, else
 * under the diagram, which grows to hold them ({@link LabelPlacer}); a ghost's label in a VMA one slot high
 * would otherwise sit on the VMA's "no entry at start" line or its lock badge.
 */
public class OverlayFigure extends Figure {

    private DiagramLayout layout;
    private IDiagramOverlay overlay;
    private java.util.function.Supplier<Obstacles> obstacles;
    private Placement cache;

    public void setDiagramLayout(DiagramLayout layout) {
        this.layout = layout;
        revalidate();
        repaint();
    }

    public void setOverlay(IDiagramOverlay overlay) {
        this.overlay = overlay;
        revalidate();
        repaint();
    }

    /** Where a leaf of {@code level} at {@code vaddr} is drawn: inside the VMA lane, by address. */
    private Rectangle slot(long vaddr, PageLevel level, int vmaTop) {
        int x0 = layout.axis().x(vaddr);
        int x1 = Math.max(x0 + 4, layout.axis().x(vaddr + ScenarioMath.levelSize(level)));
        int h = Lanes.entryHeight(level);
        return new Rectangle(x0 + 1, vmaTop + Lanes.VMA_HEIGHT - 6 - h, x1 - x0 - 2, h);
    }

    /**
     * The run's own leaves (faulted in, ghosts) that the overlay highlights, with where they are drawn on the
     * viewer's canvas (after zoom and scrolling, as for the elements' figures).
     */
    public List<IScenarioDiagram.Highlight> highlightedLeaves() {
        List<IScenarioDiagram.Highlight> out = new ArrayList<>();
        for (Leaf l : highlighted()) {
            Rectangle r = l.bounds().getCopy();
            translateToAbsolute(r);
            out.add(new IScenarioDiagram.Highlight(null, l.vaddr(), l.level(), r.x, r.y, r.width, r.height));
        }
        return out;
    }

    private record Leaf(long vaddr, PageLevel level, Rectangle bounds) {
    }

    /** The highlighted leaves in this figure's coordinates. */
    private List<Leaf> highlighted() {
        List<Leaf> out = new ArrayList<>();
        if (layout == null || overlay == null) {
            return out;
        }
        int vmaTop = layout.vmaY();
        for (IDiagramOverlay.TransientEntry t : overlay.transientEntries()) {
            if (overlay.isHighlighted(t.vaddr(), t.level())) {
                out.add(new Leaf(t.vaddr(), t.level(), slot(t.vaddr(), t.level(), vmaTop)));
            }
        }
        for (IDiagramOverlay.Ghost g : overlay.ghosts()) {
            if (overlay.isHighlighted(g.vaddr(), g.level())) {
                out.add(new Leaf(g.vaddr(), g.level(), slot(g.vaddr(), g.level(), vmaTop)));
            }
        }
        return out;
    }

    @Override
    public boolean containsPoint(int x, int y) {
        return false;
    }

    @Override
    protected void paintFigure(Graphics g) {
        if (layout == null || overlay == null) {
            return;
        }
        int vmaTop = layout.vmaY();
        for (IDiagramOverlay.TransientEntry t : overlay.transientEntries()) {
            Rectangle r = slot(t.vaddr(), t.level(), vmaTop);
            g.setForegroundColor(Colors.of(t.level()));
            // a faulted-in leaf stays dashed until the pinner has read it, then it is drawn solid
            boolean unread = overlay.isUnread(t);
            g.setLineStyle(unread ? SWT.LINE_DASH : SWT.LINE_SOLID);
            g.setLineWidth(2);
            g.drawRectangle(r.x + 1, r.y + 1, r.width - 2, r.height - 2);
            g.setLineWidth(1);
            g.setLineStyle(SWT.LINE_SOLID);
        }
        for (IDiagramOverlay.Ghost ghost : overlay.ghosts()) {
            Rectangle r = slot(ghost.vaddr(), ghost.level(), vmaTop);
            g.setForegroundColor(Colors.MUTED);
            g.setLineStyle(SWT.LINE_DOT);
            g.setLineWidth(2);
            g.drawRectangle(r.x + 1, r.y + 1, r.width - 2, r.height - 2);
            g.setLineWidth(1);
            g.setLineStyle(SWT.LINE_SOLID);
            if (ghost.state() == IDiagramOverlay.EntryState.SPLIT) {
                g.pushState();
                g.clipRect(r);
                for (int x = r.x - r.height; x < r.right(); x += 8) {
                    g.drawLine(x, r.bottom(), x + r.height, r.y);
                }
                g.popState();
            }
        }
        for (Vma vma : overlay.unmappedVmas()) {
            Rectangle b = layout.bounds(vma);
            if (b != null) {
                g.setForegroundColor(Colors.ERROR);
                g.setLineWidth(2);
                g.drawLine(b.x, b.y, b.right(), b.bottom());
                g.drawLine(b.x, b.bottom(), b.right(), b.y);
                g.setLineWidth(1);
            }
        }
        g.setForegroundColor(Colors.HIGHLIGHT);
        g.setLineWidth(3);
        for (Leaf l : highlighted()) {
            Rectangle r = l.bounds();
            g.drawRectangle(r.x - 1, r.y - 1, r.width + 1, r.height + 1);
        }
        g.setLineWidth(1);
        long address = overlay.currentAddress();
        if (address >= 0) {
            int x = layout.axis().x(address);
            g.setForegroundColor(Colors.HIGHLIGHT);
            g.setLineWidth(2);
            g.drawLine(x, layout.axisY(), x, vmaTop + Lanes.VMA_HEIGHT);
            g.setLineWidth(1);
        }
        // last, over the leaves' outlines and the address line; the address itself is one of the labels
        paintLabels(g);
    }

    /** A run label and the leaf it tells about (null for a VMA's note); a leader line joins them when apart. */
    private record Label(TextBox box, org.eclipse.swt.graphics.Color colour, Rectangle slot) {
    }

    /** What the labels must keep clear of: the diagram's texts and its element figures' boxes. */
    public interface Obstacles {
        List<Rectangle> texts();

        List<Rectangle> boxes();
    }

    /** Sets where the texts and figures under the overlay are read from (the diagram's edit part). */
    public void setObstacles(java.util.function.Supplier<Obstacles> obstacles) {
        this.obstacles = obstacles;
    }

    /** The run's labels as drawn (leaf states, ghosts' who-and-when, unmapped VMAs, the address touched). */
    public List<TextBox> texts() {
        return labels().stream().map(Label::box).toList();
    }

    /** Size: the diagram's, taller when labels with no free place went under it. */
    @Override
    public Dimension getPreferredSize(int wHint, int hHint) {
        if (layout == null) {
            return new Dimension(10, 10);
        }
        return new Dimension(layout.width(), Math.max(layout.height(), placed().bottom));
    }

    private List<Label> labels() {
        return placed().labels;
    }

    private record Placement(Object key, List<Label> labels, int bottom) {
    }

    /** A label to place: its text, the leaf (or VMA body) it tells about, its colour. */
    private record Wanted(String text, Rectangle slot, org.eclipse.swt.graphics.Color colour) {
    }

    private static final String UNMAPPED = "unmapped (munmap)";
    /** Labels placed one by one at most; the rest are counted on one more line. */
    static final int MAX_LABELS = 24;

    private Placement placed() {
        if (layout == null || overlay == null) {
            return new Placement(null, List.of(), 0);
        }
        Obstacles under = obstacles == null ? null : obstacles.get();
        List<Rectangle> texts = under == null ? List.of() : under.texts();
        List<Rectangle> boxes = new ArrayList<>(under == null ? List.of() : under.boxes());
        int vmaTop = layout.vmaY();
        List<Wanted> wanted = new ArrayList<>();
        for (IDiagramOverlay.TransientEntry t : overlay.transientEntries()) {
            String text = t.level() + (overlay.isUnread(t) ? " (faulted in, not read yet)" : " (faulted in)");
            wanted.add(new Wanted(text, slot(t.vaddr(), t.level(), vmaTop), Colors.of(t.level())));
        }
        wanted.addAll(ghostLabels(overlay.ghosts(), vmaTop));
        for (Vma vma : overlay.unmappedVmas()) {
            Rectangle b = layout.bounds(vma);
            if (b != null) {
                wanted.add(new Wanted(UNMAPPED, new Rectangle(b.x + 4, b.y + 2, b.width - 8, b.height - 4), Colors.ERROR));
            }
        }
        long address = overlay.currentAddress();
        Object key = List.of(layout, texts, boxes, wanted.stream().map(w -> List.of(w.text(), w.slot())).toList(), address);
        if (cache != null && cache.key().equals(key)) {
            return cache;
        }
        for (Wanted w : wanted) {
            if (!w.text().equals(UNMAPPED)) {
                // another run leaf is drawn there: a label moved out of its own slot keeps off it
                boxes.add(w.slot());
            }
        }
        LabelPlacer placer = new LabelPlacer(texts, boxes, layout.width(), layout.height());
        List<Label> out = new ArrayList<>();
        if (address >= 0) {
            String hex = Hex.format(address);
            var size = FigureUtilities.getTextExtents(hex, Colors.normal());
            int x = layout.axis().x(address);
            int y = layout.axisY();
            Rectangle line = new Rectangle(x, y, 1, size.height);
            // beside the orange line where it crosses the axis, clear of the tick labels there
            Rectangle at = placer.placeFirstFree(size, List.of(new Rectangle(x + 3, y, size.width, size.height),
                    new Rectangle(x - 3 - size.width, y, size.width, size.height),
                    new Rectangle(x + 3, y - size.height - 1, size.width, size.height),
                    new Rectangle(x - 3 - size.width, y - size.height - 1, size.width, size.height)),
                    line);
            out.add(new Label(new TextBox(TextBox.Role.LABEL, hex, hex, at), Colors.HIGHLIGHT, line));
        }
        // a reset over thousands of 4K pages leaves thousands of ghosts: a label each would bury the diagram (and
        // cost a search each); the first ones are labelled, one line counts the rest, which the Timeline lists
        List<Wanted> labelled = wanted.size() <= MAX_LABELS ? wanted : wanted.subList(0, MAX_LABELS - 1);
        for (Wanted w : labelled) {
            Rectangle at = placer.place(FigureUtilities.getTextExtents(w.text(), Colors.normal()), w.slot());
            out.add(new Label(new TextBox(TextBox.Role.LABEL, w.text(), w.text(), at), w.colour(), w.slot()));
        }
        if (labelled.size() < wanted.size()) {
            String more = "+" + (wanted.size() - labelled.size()) + " more leaves zapped, split or faulted in (see the Timeline)";
            Rectangle slot = wanted.get(labelled.size()).slot();
            Rectangle at = placer.place(FigureUtilities.getTextExtents(more, Colors.normal()), slot);
            out.add(new Label(new TextBox(TextBox.Role.LABEL, more, more, at), Colors.MUTED, slot));
        }
        cache = new Placement(key, List.copyOf(out), placer.bottom());
        if (cache.bottom() > getBounds().bottom() || cache.bottom() < getBounds().bottom() && getBounds().height > layout.height()) {
            // labels went under the diagram (or no longer do): the layer grows or shrinks to hold them
            revalidate();
        }
        return cache;
    }

    /** "zapped by numa_maps, step 14": who, and when. */
    private static final java.util.regex.Pattern STEP = java.util.regex.Pattern.compile("(.*), step (\\d+)");

    /**
     * One label per ghost, except where ghosts of one level and one cause lie side by side (a reset zapping every
     * 4K page of a BAR): such a run of three or more gets one label, e.g. "300 PTEs zapped by reset, steps 5–304".
     */
    private List<Wanted> ghostLabels(List<IDiagramOverlay.Ghost> ghosts, int vmaTop) {
        java.util.Map<String, List<IDiagramOverlay.Ghost>> byCause = new java.util.LinkedHashMap<>();
        for (IDiagramOverlay.Ghost g : ghosts) {
            var m = STEP.matcher(g.label());
            String cause = m.matches() ? m.group(1) : g.label() + "@" + g.vaddr();
            byCause.computeIfAbsent(g.level() + " " + g.state() + " " + cause, k -> new ArrayList<>()).add(g);
        }
        List<Wanted> out = new ArrayList<>();
        for (List<IDiagramOverlay.Ghost> group : byCause.values()) {
            List<IDiagramOverlay.Ghost> sorted = new ArrayList<>(group);
            sorted.sort(java.util.Comparator.comparingLong(IDiagramOverlay.Ghost::vaddr));
            List<IDiagramOverlay.Ghost> run = new ArrayList<>();
            Rectangle runSlot = null;
            for (IDiagramOverlay.Ghost g : sorted) {
                Rectangle s = slot(g.vaddr(), g.level(), vmaTop);
                if (runSlot != null && s.x > runSlot.right() + 2) {
                    addRun(run, runSlot, out, vmaTop);
                    run = new ArrayList<>();
                    runSlot = null;
                }
                run.add(g);
                runSlot = runSlot == null ? s.getCopy() : runSlot.getUnion(s);
            }
            addRun(run, runSlot, out, vmaTop);
        }
        return out;
    }

    private void addRun(List<IDiagramOverlay.Ghost> run, Rectangle runSlot, List<Wanted> out, int vmaTop) {
        if (run.size() < 3) {
            for (IDiagramOverlay.Ghost g : run) {
                out.add(new Wanted(g.level() + " " + g.label(), slot(g.vaddr(), g.level(), vmaTop), Colors.ERROR));
            }
            return;
        }
        var first = STEP.matcher(run.get(0).label());
        first.matches();
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (IDiagramOverlay.Ghost g : run) {
            var m = STEP.matcher(g.label());
            m.matches();
            long step = Long.parseLong(m.group(2));
            min = Math.min(min, step);
            max = Math.max(max, step);
        }
        String text = run.size() + " " + run.get(0).level() + "s " + first.group(1)
                + (min == max ? ", step " + min : ", steps " + min + "\u2013" + max);
        out.add(new Wanted(text, runSlot, Colors.ERROR));
    }

    /** Paints the labels, each on the lane's colour so a link or an outline under it does not cut its letters. */
    private void paintLabels(Graphics g) {
        g.setFont(Colors.normal());
        for (Label label : labels()) {
            Rectangle b = label.box().bounds();
            Rectangle slot = label.slot();
            if (slot != null && LabelPlacer.distance(b, slot) > 4) {
                // moved away from its leaf: a dotted leader line from the label to the leaf
                g.setForegroundColor(label.colour());
                g.setLineStyle(SWT.LINE_DOT);
                int ly = b.y + b.height / 2;
                int lx = b.x > slot.right() ? b.x - 1 : b.right() < slot.x ? b.right() + 1 : b.x + b.width / 2;
                int sx = Math.max(slot.x, Math.min(lx, slot.right()));
                int sy = Math.max(slot.y, Math.min(ly, slot.bottom()));
                if (lx == b.x + b.width / 2) {
                    ly = b.y > slot.bottom() ? b.y - 1 : b.bottom() + 1;
                }
                g.drawLine(lx, ly, sx, sy);
                g.setLineStyle(SWT.LINE_SOLID);
            }
            // on a light ground, also inside a slot, where many dotted ghost outlines side by side make a dark block
            g.setBackgroundColor(Colors.LANE);
            g.fillRectangle(b.getExpanded(1, 0));
            g.setForegroundColor(label.colour());
            g.drawString(label.box().shown(), b.x, b.y);
        }
    }
}

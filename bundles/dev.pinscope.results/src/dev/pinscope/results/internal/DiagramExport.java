package dev.pinscope.results.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.draw2d.FreeformFigure;
import org.eclipse.draw2d.IFigure;
import org.eclipse.draw2d.SWTGraphics;
import org.eclipse.draw2d.geometry.Rectangle;
import org.eclipse.gef.GraphicalViewer;
import org.eclipse.gef.LayerConstants;
import org.eclipse.gef.editparts.LayerManager;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IEditorPart;

/**
 * The scenario diagram as a picture: the viewer's printable layers (the diagram and its connections, without
 * selection handles or feedback) at 100 %, as PNG (draw2d → SWT image) or SVG ({@link SvgGraphics}).
 */
public final class DiagramExport {
    private static final int MARGIN = 10;

    private DiagramExport() {
    }

    public static GraphicalViewer viewer(IEditorPart editor) {
        Object v = editor == null ? null : editor.getAdapter(GraphicalViewer.class);
        return v instanceof GraphicalViewer g ? g : null;
    }

    static IFigure printable(GraphicalViewer viewer) {
        LayerManager lm = (LayerManager) viewer.getEditPartRegistry().get(LayerManager.ID);
        return lm.getLayer(LayerConstants.PRINTABLE_LAYERS);
    }

    static Rectangle extent(IFigure f) {
        Rectangle r = f instanceof FreeformFigure ff ? ff.getFreeformExtent().getCopy() : f.getBounds().getCopy();
        return r.expand(MARGIN, MARGIN);
    }

    public static ImageData toImageData(GraphicalViewer viewer) {
        IFigure f = printable(viewer);
        Rectangle r = extent(f);
        Display d = viewer.getControl().getDisplay();
        Image img = new Image(d, Math.max(1, r.width), Math.max(1, r.height));
        GC gc = new GC(img);
        SWTGraphics g = new SWTGraphics(gc);
        try {
            g.setBackgroundColor(d.getSystemColor(SWT.COLOR_WHITE));
            g.fillRectangle(0, 0, r.width, r.height);
            g.translate(-r.x, -r.y);
            g.setFont(viewer.getControl().getFont());
            f.paint(g);
            return img.getImageData();
        } finally {
            g.dispose();
            gc.dispose();
            img.dispose();
        }
    }

    public static void png(GraphicalViewer viewer, Path out) throws IOException {
        ImageLoader loader = new ImageLoader();
        loader.data = new ImageData[] { toImageData(viewer) };
        ExportMenu.writeAtomically(out, to -> {
            try {
                loader.save(to.toString(), SWT.IMAGE_PNG);
            } catch (RuntimeException e) {
                throw new IOException("cannot write " + out + ": " + e.getMessage(), e);
            }
        });
    }

    public static String svgText(GraphicalViewer viewer) {
        IFigure f = printable(viewer);
        SvgGraphics g = new SvgGraphics(extent(f), viewer.getControl().getFont());
        g.setFont(viewer.getControl().getFont());
        f.paint(g);
        return g.toSvg();
    }

    public static void svg(GraphicalViewer viewer, Path out) throws IOException {
        String text = svgText(viewer);
        ExportMenu.writeAtomically(out, to -> Files.writeString(to, text, StandardCharsets.UTF_8));
    }
}

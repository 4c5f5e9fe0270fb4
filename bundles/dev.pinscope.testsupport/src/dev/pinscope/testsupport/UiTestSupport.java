package dev.pinscope.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/**
 * What every UI test bundle needs around the SWT event loop (one copy for the app, diagram, debug, results and
 * importer tests): run what is queued, and take screenshots into {@code target/screenshots} (or the folder the
 * {@code pinscope.screenshots} property names), created on first use so any test may run alone.
 */
public final class UiTestSupport {
    private UiTestSupport() {
    }

    /** Runs what is queued on the UI thread (layout, paint, async execs from jobs and debug events). */
    public static void drain() {
        Display d = Display.getCurrent();
        if (d != null) {
            while (d.readAndDispatch()) {
                // run the next queued runnable or event
            }
        }
    }

    /**
     * Runs the event loop until what {@code geometry} reads (bounds, texts) has stayed the same for a quarter of a
     * second, or {@code timeoutMs} passed. GTK lays widgets out in its frame clock, after the events that asked for
     * it have been dispatched, so an empty queue does not mean a finished layout: a wrapped tool bar in a part
     * stack's tab row, for one, is placed a frame or two after its folder was resized. Returns whether it settled.
     */
    public static boolean settle(java.util.function.Supplier<?> geometry, long timeoutMs) {
        Display d = Display.getCurrent();
        long end = System.nanoTime() + timeoutMs * 1_000_000L;
        Object last = null;
        long stableSince = 0;
        while (System.nanoTime() < end) {
            drain();
            Object now = geometry.get();
            long t = System.nanoTime();
            if (now.equals(last)) {
                if (t - stableSince >= 250_000_000L) {
                    return true;
                }
            } else {
                last = now;
                stableSince = t;
            }
            if (d != null) {
                // wake at least every 20 ms so the frame clock's layout pass gets its turn
                d.timerExec(20, () -> { });
                d.sleep();
            }
        }
        return false;
    }

    /** Waits as {@link #settle(java.util.function.Supplier, long)} does until every bound under {@code root} is still. */
    public static boolean settle(Control root) {
        return settle(() -> bounds(root), 10_000);
    }

    /** The on-screen bounds and the visibility of every control under {@code root}, in tree order. */
    public static java.util.List<String> bounds(Control root) {
        java.util.List<String> out = new java.util.ArrayList<>();
        collectBounds(root, out);
        return out;
    }

    private static void collectBounds(Control c, java.util.List<String> out) {
        if (c.isDisposed()) {
            return;
        }
        out.add(c.isVisible() + " " + c.getDisplay().map(c.getParent(), null, c.getBounds()));
        if (c instanceof org.eclipse.swt.widgets.Composite k) {
            for (Control child : k.getChildren()) {
                collectBounds(child, out);
            }
        }
    }

    /** The screenshot folder, created if missing. */
    public static Path screenshotDir() throws IOException {
        return Files.createDirectories(Path.of(System.getProperty("pinscope.screenshots", "target/screenshots")));
    }

    /** A PNG of the control's shell as the X server shows it, after the queued work has run. */
    public static Path screenshot(Control control, String name) throws IOException {
        drain();
        Path out = screenshotDir().resolve(name);
        Shell shell = control.getShell();
        Display display = shell.getDisplay();
        Rectangle r = shell.getBounds();
        Image image = new Image(display, r.width, r.height);
        GC gc = new GC(display);
        gc.copyArea(image, r.x, r.y);
        gc.dispose();
        ImageLoader loader = new ImageLoader();
        loader.data = new ImageData[] {image.getImageData()};
        loader.save(out.toString(), SWT.IMAGE_PNG);
        image.dispose();
        return out;
    }
}

package dev.pinscope.app.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Listener;

/**
 * Help › Help Contents has to start the help server (Jetty and the help webapp) and build the table of contents
 * before the first page can render; done on demand that is most of the wait. A low-priority background job does
 * it once the window is idle instead, and asks the server once for the pages Help Contents opens first, so the
 * first Help Contents of a session is as quick as a later one. Idle means: the user has pressed no key or button
 * and the UI thread has answered a timer on time for {@link #IDLE_MS}; so the warm-up never competes with the
 * first window's rendering (on a loaded machine that takes longer than any fixed delay) or with the user's first
 * clicks. It starts {@link #LATEST_MS} after start-up at the latest. If Help Contents is picked before, it starts the
 * server itself, in a job with progress ({@link HelpServer#display}). {@code -Dpinscope.help.warmup=false} turns the
 * warm-up off (the UI tests do, to measure a cold Help Contents).
 */
final class HelpWarmup {

    /**
     * Every page of the help window's first view: the frame set and each of its frames (the help webapp compiles each
     * JSP on its first request, which is most of a cold Help Contents), the TOC data and the guide's first page.
     */
    static final String[] PAGES = {"index.jsp", "advanced/helpToolbar.jsp", "advanced/search.jsp", "advanced/help.jsp",
        "advanced/nav.jsp", "advanced/views.jsp", "advanced/view.jsp?view=toc", "advanced/tocToolbar.jsp",
        "advanced/tocView.jsp?view=toc", "advanced/indexToolbar.jsp", "advanced/indexView.jsp?view=index",
        "advanced/searchToolbar.jsp", "advanced/searchView.jsp?view=search", "advanced/bookmarksToolbar.jsp",
        "advanced/bookmarksView.jsp?view=bookmarks", "advanced/tabs.jsp", "advanced/content.jsp",
        "advanced/contentToolbar.jsp", "advanced/tocfragment?expandPath=0_0", "topic/dev.pinscope.help/html/overview.html"};

    private static Job job;

    private HelpWarmup() {
    }

    /** How long the window has to be idle before the warm-up starts. */
    static final long IDLE_MS = 2000;
    /** The warm-up starts this long after start-up even if the window was never idle that long. */
    static final long LATEST_MS = 60_000;
    /** How often the UI thread is asked, and how late its answer may be for it to count as idle. */
    static final int TICK_MS = 250;
    static final long LATE_MS = 150;

    static boolean enabled() {
        return Boolean.parseBoolean(System.getProperty("pinscope.help.warmup", "true"));
    }

    /** Waits on the UI thread (timers only, no thread of its own) for the window to be idle, then {@link #schedule}s. */
    static void afterIdle(Display display) {
        if (!enabled()) {
            return;
        }
        long start = System.nanoTime();
        long[] quietSince = {start};
        Listener input = event -> quietSince[0] = System.nanoTime();
        int[] inputs = {SWT.KeyDown, SWT.MouseDown, SWT.MouseWheel};
        for (int type : inputs) {
            display.addFilter(type, input);
        }
        Runnable tick = new Runnable() {
            private long due = System.nanoTime() + TICK_MS * 1_000_000L;

            @Override
            public void run() {
                long now = System.nanoTime();
                if ((now - due) / 1_000_000 > LATE_MS) {
                    quietSince[0] = now; // the UI thread was busy (rendering, loading) when the timer was due
                }
                boolean idle = (now - quietSince[0]) / 1_000_000 >= IDLE_MS;
                if (idle || (now - start) / 1_000_000 >= LATEST_MS) {
                    for (int type : inputs) {
                        display.removeFilter(type, input);
                    }
                    schedule(0);
                    return;
                }
                due = now + TICK_MS * 1_000_000L;
                display.timerExec(TICK_MS, this);
            }
        };
        display.timerExec(TICK_MS, tick);
    }

    static void schedule(long delayMillis) {
        if (!enabled()) {
            return;
        }
        job = Job.create("Preparing the user guide", monitor -> {
            // never start the server while the workbench closes: the framework is lowering its start level
            // then, the help webapp's bundles can no longer start and the help system logs an error
            if (monitor.isCanceled() || !org.eclipse.ui.PlatformUI.isWorkbenchRunning()
                    || org.eclipse.ui.PlatformUI.getWorkbench().isClosing()) {
                return Status.CANCEL_STATUS;
            }
            if (!HelpServer.ensureRunning()) {
                return Status.OK_STATUS; // help unavailable: Help Contents will say so itself
            }
            String base = "http://" + org.eclipse.help.internal.server.WebappManager.getHost() + ":"
                    + org.eclipse.help.internal.server.WebappManager.getPort() + "/help/";
            for (String page : PAGES) {
                if (monitor.isCanceled()) {
                    return Status.CANCEL_STATUS;
                }
                fetch(base + page);
            }
            return Status.OK_STATUS;
        });
        job.setSystem(true);
        job.setPriority(Job.DECORATE);
        job.schedule(delayMillis);
    }

    /**
     * Called before the workbench shuts down: a warm-up that has not begun is dropped; one that is starting the
     * server is waited for (at most {@code waitMillis}), so the server is not starting while the framework stops.
     */
    static void cancel(long waitMillis) {
        Job j = job;
        if (j == null) {
            return;
        }
        j.cancel();
        try {
            j.join(waitMillis, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void fetch(String url) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
            c.setConnectTimeout(5000);
            c.setReadTimeout(20000);
            try (InputStream in = c.getInputStream()) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            } finally {
                c.disconnect();
            }
        } catch (IOException e) {
            // a page that cannot be fetched now is simply served (and prepared) on demand later
        }
    }

}

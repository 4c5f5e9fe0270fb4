package dev.pinscope.app.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;

/**
 * Help › Help Contents has to start the help server (Jetty and the help webapp) and build the table of contents
 * before the first page can render; done on demand that is most of the wait. A low-priority background job does
 * it a few seconds after start-up instead, and asks the server once for the pages Help Contents opens first, so
 * the first Help Contents of a session is as quick as a later one. {@code -Dpinscope.help.warmup=false} turns it off
 * (the UI tests do, to measure a cold Help Contents).
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

    static void schedule(long delayMillis) {
        if (!Boolean.parseBoolean(System.getProperty("pinscope.help.warmup", "true"))) {
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

package dev.pinscope.help.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.eclipse.core.runtime.Platform;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

/**
 * The help window shows pages served by the embedded help server (Jetty + the help webapp). The
 * product must carry every bundle that server needs; a missing one only shows at run time as "Help
 * cannot be displayed", so start it here and fetch a page of the guide.
 */
class HelpServerTest {

    private static String base() throws Exception {
        Bundle helpBase = Platform.getBundle("org.eclipse.help.base");
        assertNotNull(helpBase);
        // internal API (x-friends), reached reflectively: it is what the help window itself calls
        Class<?> webapps = helpBase.loadClass("org.eclipse.help.internal.server.WebappManager");
        webapps.getMethod("start", String.class).invoke(null, "help");
        String host = (String) webapps.getMethod("getHost").invoke(null);
        int port = (Integer) webapps.getMethod("getPort").invoke(null);
        assertTrue(port > 0, "the help server listens on a port");
        return "http://" + host + ":" + port + "/help";
    }

    private static HttpResponse<String> get(String url) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theHelpServerServesTheGuide() throws Exception {
        HttpResponse<String> page = get(base() + "/topic/dev.pinscope.help/html/policies.html");
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("Retry policies and what the mailing list said"), page.body());
    }
}

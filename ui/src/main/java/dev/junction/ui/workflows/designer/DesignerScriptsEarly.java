package dev.junction.ui.workflows.designer;

import com.vaadin.flow.internal.BundleUtils;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinServletRequest;
import org.springframework.stereotype.Component;

import java.util.regex.Pattern;

/**
 * Lets the browser load the designer's scripts while the server builds the view, instead of after it. Vaadin loads a
 * route's scripts (its chunk: the designer, React Flow, the Vaadin components the page uses) only when the server's
 * answer that builds the view names them, so they used to load one after another after that answer. When the address
 * is a workflow's and someone is signed in, the page's HTML names the workflow route's chunk in a {@code <meta
 * name="junction-early-chunk">} tag and carries a small script that asks Vaadin's {@code loadOnDemand} for it as soon
 * as Vaadin's client has sent the request for the view — not earlier: running the scripts before the client has
 * started holds up that request. The view's answer then finds them loaded. No other page changes.
 *
 * <p>The script is inline in the page rather than in a custom {@code index.tsx}, which would load with every page.
 */
@Component
class DesignerScriptsEarly implements VaadinServiceInitListener {

    /** The meta tag's name. */
    static final String META = "junction-early-chunk";

    /**
     * Runs after the page's main bundle (module scripts run in document order): when the connection turns
     * {@code loading} while Vaadin's real client exists (Flow's router registers one named TypeScript before it
     * starts), the client is asking for the view; from then on the page only waits for the server.
     */
    static final String SCRIPT = """
            const keys = [...document.querySelectorAll('meta[name="%s"]')].map((meta) => meta.content);
            const connection = window.Vaadin && window.Vaadin.connectionState;
            if (keys.length > 0 && connection) {
              const listener = (previous, next) => {
                const clients = Object.keys((window.Vaadin.Flow && window.Vaadin.Flow.clients) || {});
                if (next === 'loading' && clients.some((id) => id !== 'TypeScript')) {
                  connection.removeStateChangeListener(listener);
                  setTimeout(() => { // after the client has sent the request it is starting
                    const load = window.Vaadin.Flow.loadOnDemand;
                    if (typeof load === 'function') keys.forEach((key) => load(key).catch(() => undefined));
                  }, 0);
                }
              };
              connection.addStateChangeListener(listener);
            }
            """.formatted(META);

    /** {@code workflows/<id>} ({@code Routes.WORKFLOW}), with or without a trailing slash. */
    private static final Pattern WORKFLOW_PATH = Pattern.compile("/workflows/[0-9a-fA-F-]{36}/?");

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(response -> {
            if (signedInOnTheDesigner(response.getVaadinRequest())) {
                response.getDocument().head().appendElement("meta").attr("name", META)
                        .attr("content", chunk());
                response.getDocument().body().appendElement("script").attr("type", "module")
                        .appendChild(new org.jsoup.nodes.DataNode(SCRIPT));
            }
        });
    }

    /**
     * The workflow route's class by name, not by class literal: Vaadin's build scans service init listeners as entry
     * points of the bundle every page loads first, and a class literal here made it follow the view to the designer
     * and put all of it there (with a wrong name the chunk loads only after the view's answer, and {@code
     * DesignerScriptsEarlyTest} fails).
     */
    static final String ROUTE = "dev.junction.ui.workflows.designer.WorkflowDesignerView";

    /** The chunk Vaadin's production bundle loads for the workflow route (its key in {@code loadOnDemand}). */
    static String chunk() {
        return BundleUtils.getChunkId(ROUTE);
    }

    static boolean signedInOnTheDesigner(VaadinRequest request) {
        if (!(request instanceof VaadinServletRequest servlet) || request.getUserPrincipal() == null) {
            return false;
        }
        String path = servlet.getRequestURI().substring(servlet.getContextPath().length());
        return WORKFLOW_PATH.matcher(path).matches();
    }
}

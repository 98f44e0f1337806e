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
 * answer that builds the view names them, so they used to load one after another after that answer (0.3–0.4 s of a
 * 500-step workflow's opening). When the address is a workflow's and someone is signed in, the page's HTML names the
 * workflow route's chunk in a {@code <meta name="junction-early-chunk">} tag, and {@code frontend/index.tsx} asks
 * Vaadin's client to load it at once; the view's answer then finds it loaded. No other page changes.
 */
@Component
class DesignerScriptsEarly implements VaadinServiceInitListener {

    /** The meta tag's name ({@code index.tsx} reads it). */
    static final String META = "junction-early-chunk";

    /** {@code workflows/<id>} ({@code Routes.WORKFLOW}), with or without a trailing slash. */
    private static final Pattern WORKFLOW_PATH = Pattern.compile("/workflows/[0-9a-fA-F-]{36}/?");

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(response -> {
            if (signedInOnTheDesigner(response.getVaadinRequest())) {
                response.getDocument().head().appendElement("meta").attr("name", META)
                        .attr("content", chunk());
            }
        });
    }

    /** The chunk Vaadin's production bundle loads for the workflow route (its key in {@code loadOnDemand}). */
    static String chunk() {
        return BundleUtils.getChunkId(WorkflowDesignerView.class);
    }

    static boolean signedInOnTheDesigner(VaadinRequest request) {
        if (!(request instanceof VaadinServletRequest servlet) || request.getUserPrincipal() == null) {
            return false;
        }
        String path = servlet.getRequestURI().substring(servlet.getContextPath().length());
        return WORKFLOW_PATH.matcher(path).matches();
    }
}

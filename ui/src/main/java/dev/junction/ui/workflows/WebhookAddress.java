package dev.junction.ui.workflows;

import com.vaadin.flow.server.VaadinServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.UUID;

/**
 * Where senders reach a workflow's webhook: {@code <base>/hooks/{workflowId}/{token}}, the base being
 * {@code junction.public-url} when set, else the address the browser used to reach the UI.
 */
@Component
public class WebhookAddress {

    private final String publicUrl;
    private final int port;

    WebhookAddress(@Value("${junction.public-url:}") String publicUrl, @Value("${server.port:8080}") int port) {
        this.publicUrl = publicUrl == null ? "" : publicUrl.strip().replaceAll("/+$", "");
        this.port = port;
    }

    public String url(UUID workflowId, String token) {
        return base() + "/hooks/" + workflowId + "/" + token;
    }

    private String base() {
        if (!publicUrl.isEmpty()) {
            return publicUrl;
        }
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        if (request != null) {
            return ServletUriComponentsBuilder.fromContextPath(request.getHttpServletRequest()).build().toUriString();
        }
        return "http://localhost:" + port;
    }
}

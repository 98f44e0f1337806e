package dev.junction.backend.templates;

import java.util.Map;

/**
 * Install a template: {@code templateId}, optional {@code version} (default: the latest), the new workflow's
 * {@code workflowName} (default: the template's name, made unique), {@code connections}: per requirement key an
 * existing connection id (e.g. {@code amazon-sp-api-sandbox}, or one of two Amazon seller accounts) — a requirement
 * left out takes the sandbox connection of its connector; {@code parameters}: per parameter key its value (left out:
 * the default); {@code draftId}: the wizard's draft installation this completes (optional).
 */
public record InstallRequest(String templateId, Integer version, String workflowName, Map<String, String> connections,
                             Map<String, Object> parameters, java.util.UUID draftId) {

    public InstallRequest {
        connections = connections == null ? Map.of() : Map.copyOf(connections);
        parameters = parameters == null ? Map.of() : parameters;
    }
}

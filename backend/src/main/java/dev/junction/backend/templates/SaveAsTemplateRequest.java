package dev.junction.backend.templates;

import java.util.List;

/**
 * Save a workflow's version (null: the latest) as a template: its {@code templateId} (lower case letters, digits,
 * dashes), {@code name}, markdown {@code description}, and the {@code parameters} to make of values in the
 * definition: each names a node ({@code nodeId}, or {@code trigger}) and a dotted {@code field} path inside it
 * (e.g. {@code config.input.marketplaceId}); the value found there becomes the parameter's default and the place
 * becomes {@code ${parameter.<key>}}. Connections become requirements by themselves.
 */
public record SaveAsTemplateRequest(Integer version, String templateId, String name, String description,
                                    List<ParameterChoice> parameters) {

    public record ParameterChoice(String key, String label, String nodeId, String field) {
    }
}

package dev.junction.backend.templates;

import java.util.List;
import java.util.Map;

/**
 * A template for its preview: the template itself, the definition as it would be installed with the sandbox
 * connections and the parameters' defaults ({@code previewDefinition}: a valid definition, for the read-only
 * canvas), the versions there are, and its {@code source}.
 */
public record TemplateDetail(Template template, Map<String, Object> previewDefinition, List<Integer> versions,
                             String source) {
}

package dev.junction.backend.templates;

import java.util.List;

/**
 * A template in the gallery: its latest version, the connectors it uses (to filter by), the first paragraph of its
 * description, and whether it is bundled with Junction or uploaded / saved here ({@code source}: {@code bundled},
 * {@code uploaded}).
 */
public record TemplateSummary(String id, int version, String name, String summary, List<String> connectors,
                              List<Template.Requirement> requirements, int nodeCount, String source) {
}

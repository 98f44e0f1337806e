package dev.junction.backend.templates;

import java.util.List;
import java.util.UUID;

/**
 * A workflow's go-live checklist for its latest version. {@code ready}: every required item done.
 * {@code gated}: whether publishing is refused while a required item is open (workflows installed from a template).
 */
public record Readiness(UUID workflowId, int version, List<ReadinessItem> items, boolean ready, boolean gated) {
}

package dev.junction.backend.templates;

import java.util.List;
import java.util.UUID;

/**
 * A workflow's go-live checklist for its latest version. {@code ready}: every required item done.
 * {@code gated}: whether publishing is refused while a required item is open (a workflow installed from a template,
 * or a version that uses a production connection); {@code gate} says which, or "Sandbox only: not gating publish".
 */
public record Readiness(UUID workflowId, int version, List<ReadinessItem> items, boolean ready, boolean gated,
                        String gate) {
}

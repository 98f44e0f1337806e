package dev.junction.backend.templates;

/**
 * One line of a workflow's go-live checklist: {@code key} (stable: {@code connections-tested},
 * {@code no-problems}, {@code tests-passing}, {@code alert-rule}, {@code owner}, {@code trigger-configured}), a
 * {@code label}, whether it is {@code done}, whether it is {@code required} before publishing, and a {@code hint}
 * saying what to do (or what was found).
 */
public record ReadinessItem(String key, String label, boolean done, boolean required, String hint) {
}

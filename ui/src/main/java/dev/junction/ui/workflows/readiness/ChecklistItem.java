package dev.junction.ui.workflows.readiness;

/**
 * One line of a workflow's readiness checklist as the page shows it: {@code key} names the rule ("connections-tested",
 * "alert-rule", …), {@code label} says it for people, {@code required} items gate Publish, {@code hint} says what to
 * do while it is not done (null when done).
 */
public record ChecklistItem(String key, String label, boolean done, boolean required, String hint) {
}

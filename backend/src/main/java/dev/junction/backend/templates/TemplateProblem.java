package dev.junction.backend.templates;

/** A problem of a definition: its JSON path, the node it concerns (or null) and what is wrong. */
public record TemplateProblem(String path, String nodeId, String message) {
}

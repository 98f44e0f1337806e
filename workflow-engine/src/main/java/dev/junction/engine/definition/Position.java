package dev.junction.engine.definition;

/** Where a node sits on the designer's canvas. */
public record Position(double x, double y) {
}

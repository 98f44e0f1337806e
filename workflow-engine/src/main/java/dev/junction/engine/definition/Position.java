package dev.junction.engine.definition;

/** Where a node sits on the designer's canvas; both coordinates are finite, as JSON numbers are. */
public record Position(double x, double y) {

    public Position {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("a position has finite coordinates, was (" + x + ", " + y + ")");
        }
    }
}

package dev.junction.engine.mapping.model;


import java.util.List;
import java.util.Objects;

/** Where a {@link Rule.ValueRule}'s value comes from: exactly one of these. */
public sealed interface Source {

    /** A source path ({@code "from": "OrderTotal.Amount"}; {@code $index}, {@code $root.…}, {@code $parent.…}). */
    record Path(String path) implements Source {
        public Path {
            Objects.requireNonNull(path, "path");
        }
    }

    /** Several source paths ({@code "from": ["a", "b"]}): the pipeline starts with the list of their values. */
    record Paths(List<String> paths) implements Source {
        public Paths {
            paths = List.copyOf(paths);
        }
    }

    /** A constant ({@code "value"}): any JSON value, null too. */
    record Constant(Object value) implements Source {
        public Constant {
            value = Constants.immutable(value);
        }
    }

    /** JavaScript over {@code source}, {@code root}, {@code index} ({@code "expression"}), run sandboxed. */
    record Expression(String expression) implements Source {
        public Expression {
            Objects.requireNonNull(expression, "expression");
        }
    }
}

package dev.junction.engine.mapping.model;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** One step of a pipeline: a built-in function and its arguments besides the value flowing through. */
public record PipeStep(String fn, List<Argument> args) {

    public PipeStep {
        Objects.requireNonNull(fn, "fn");
        args = List.copyOf(Objects.requireNonNull(args, "args"));
    }

    public static PipeStep of(String fn, Argument... args) {
        return new PipeStep(fn, Arrays.asList(args));
    }

    /** A function's argument: a constant, or the value of a source path in the same record. */
    public sealed interface Argument {

        /** Any JSON value (an object {@code {"from": "…"}} with text is a {@link FromPath} instead). */
        record Constant(Object value) implements Argument {
            public Constant {
                value = Constants.immutable(value);
            }
        }

        /** {@code {"from": path}}. */
        record FromPath(String path) implements Argument {
            public FromPath {
                Objects.requireNonNull(path, "path");
            }
        }
    }
}

package dev.junction.engine.mapping.functions;

import dev.junction.engine.mapping.schema.KnownValue;

import java.util.List;
import java.util.Objects;

/**
 * A built-in function made of its name, arity, description, body and what its results are known to be (how the
 * built-ins are registered).
 */
record Fn(String name, int minArgs, int maxArgs, String description, Body body, Result known)
        implements MappingFunction {

    Fn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(known, "known");
    }

    static Fn of(String name, int minArgs, int maxArgs, String description, Body body) {
        return new Fn(name, minArgs, maxArgs, description, body, (args, targetMaxLength) -> KnownValue.NOTHING);
    }

    /** This function, whose every result (other than nothing) is text. */
    Fn givingText() {
        return giving((args, targetMaxLength) -> KnownValue.TEXT);
    }

    /** This function, whose results are what {@code known} says (see {@link MappingFunction#result}). */
    Fn giving(Result known) {
        return new Fn(name, minArgs, maxArgs, description, body, known);
    }

    @Override
    public Object apply(Object input, List<Object> args, FunctionContext context) {
        return body.apply(input, args, context);
    }

    @Override
    public KnownValue result(List<Object> constantArgs, Integer targetMaxLength) {
        return known.of(constantArgs, targetMaxLength);
    }

    @FunctionalInterface
    interface Body {
        Object apply(Object input, List<Object> args, FunctionContext context);
    }

    /** What a function's results are known to be, for a call (see {@link MappingFunction#result}). */
    @FunctionalInterface
    interface Result {
        KnownValue of(List<Object> constantArgs, Integer targetMaxLength);
    }
}

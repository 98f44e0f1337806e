package dev.junction.engine.mapping.functions;

import java.util.List;
import java.util.Objects;

/** A built-in function made of its name, arity, description and body (how the built-ins are registered). */
record Fn(String name, int minArgs, int maxArgs, String description, Body body) implements MappingFunction {

    Fn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(body, "body");
    }

    static Fn of(String name, int minArgs, int maxArgs, String description, Body body) {
        return new Fn(name, minArgs, maxArgs, description, body);
    }

    @Override
    public Object apply(Object input, List<Object> args, FunctionContext context) {
        return body.apply(input, args, context);
    }

    @FunctionalInterface
    interface Body {
        Object apply(Object input, List<Object> args, FunctionContext context);
    }
}

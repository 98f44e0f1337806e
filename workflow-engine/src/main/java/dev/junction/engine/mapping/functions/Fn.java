package dev.junction.engine.mapping.functions;

import dev.junction.engine.schema.KnownValue;

import java.util.List;
import java.util.Objects;

/**
 * A built-in function made of its name, its signature (parameters, input and result types), description, body and
 * what its results are known to be (how the built-ins are registered).
 */
record Fn(String name, Signature signature, String description, Body body, Result known)
        implements MappingFunction {

    Fn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(known, "known");
        FunctionParameter.checked(name, signature.parameters());
    }

    static Fn of(String name, Signature signature, String description, Body body) {
        return new Fn(name, signature, description, body, (args, targetMaxLength) -> KnownValue.NOTHING);
    }

    /** What a function works on ({@code input}), takes ({@code parameters}) and gives ({@code result}). */
    record Signature(String input, String result, List<FunctionParameter> parameters) {
        Signature {
            for (String type : List.of(input, result)) {
                if (!FunctionParameter.TYPES.contains(type)) {
                    throw new IllegalArgumentException("type must be one of " + FunctionParameter.TYPES + ", not "
                            + type);
                }
            }
            parameters = List.copyOf(parameters);
        }
    }

    /** {@code input → result} with these parameters. */
    static Signature takes(String input, String result, FunctionParameter... parameters) {
        return new Signature(input, result, List.of(parameters));
    }

    @Override
    public List<FunctionParameter> parameters() {
        return signature.parameters();
    }

    @Override
    public String inputType() {
        return signature.input();
    }

    @Override
    public String resultType() {
        return signature.result();
    }

    /** This function, whose every result (other than nothing) is text. */
    Fn givingText() {
        return giving((args, targetMaxLength) -> KnownValue.TEXT);
    }

    /** This function, whose results are what {@code known} says (see {@link MappingFunction#result}). */
    Fn giving(Result known) {
        return new Fn(name, signature, description, body, known);
    }

    /**
     * The body's result. What a body checks itself fails with a message naming what it expected; anything else an
     * input or argument makes go wrong in it (a date the JDK cannot represent, an argument that is nothing) fails the
     * same way, as the field's error naming the function and what it was given — never as an exception out of the
     * mapping. (Input-driven runaways — numbers of a billion digits — are refused before the work, by
     * {@link Values#bounded}.)
     */
    @Override
    public Object apply(Object input, List<Object> args, FunctionContext context) {
        try {
            return body.apply(input, args, context);
        } catch (FunctionException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new FunctionException("FunctionFailed", name + " cannot work with " + given(input, args) + ": "
                    + (e instanceof NullPointerException ? "a value it needs is nothing"
                    : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    private static String given(Object input, List<Object> args) {
        StringBuilder given = new StringBuilder(Values.describe(input));
        for (int i = 0; i < args.size(); i++) {
            given.append(i == 0 ? " and the arguments " : ", ").append(Values.describe(args.get(i)));
        }
        return given.toString();
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

package dev.junction.engine.mapping.functions;

import dev.junction.engine.schema.KnownValue;

import java.util.List;

/**
 * A built-in function of a mapping pipeline, e.g. {@code toMinorUnits}, {@code countryToIso2}, {@code trim}.
 * A pipeline step calls it with the value flowing through the pipeline ({@code input}) and its own arguments
 * (constants, or values of other source paths, already resolved). Functions are pure: the same input and arguments
 * give the same result; what they need from outside (lookup tables, rates, the target field's schema, a place for
 * warnings) comes through the {@link FunctionContext}.
 */
public interface MappingFunction {

    /** The name rules use ({@code "fn": "toMinorUnits"}); camelCase, unique. */
    String name();

    /** The arguments it takes besides the input, in order (see {@link FunctionParameter}). */
    List<FunctionParameter> parameters();

    /**
     * What it works on: a JSON Schema type name ({@code string}, {@code number}, {@code integer}, {@code boolean},
     * {@code array}, {@code object}) or {@code any}.
     */
    String inputType();

    /** What it gives (other than nothing): a JSON Schema type name or {@code any}. */
    String resultType();

    /** How many arguments besides the input it takes, at least (from {@link #parameters()}). */
    default int minArgs() {
        return FunctionParameter.minArgs(parameters());
    }

    /** How many arguments besides the input it takes, at most ({@link Integer#MAX_VALUE} for any number). */
    default int maxArgs() {
        return FunctionParameter.maxArgs(parameters());
    }

    /** One line for the palette and the docs: what it does, its arguments, its edge cases. */
    String description();

    /**
     * Applies the function.
     *
     * @throws FunctionException when the input or an argument is not what the function can work with (the message
     *                           names what was expected and what came). In a run every such error is permanent
     *                           (the same input fails the same way): the step fails and goes to the dead-letter queue
     */
    Object apply(Object input, List<Object> args, FunctionContext context);

    /**
     * What every result other than nothing is, whatever the input, for a call with these arguments ({@code
     * constantArgs}: each argument given as a constant, null where it is read from the record) into a field of at most
     * {@code targetMaxLength} characters (null: no limit). A mapping leaves out the checks of its target field this
     * proves, so it must hold for every input: {@link KnownValue#NOTHING} (the default) when not sure.
     */
    default KnownValue result(List<Object> constantArgs, Integer targetMaxLength) {
        return KnownValue.NOTHING;
    }
}

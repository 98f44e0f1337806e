package dev.junction.engine.mapping.functions;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One argument a {@link MappingFunction} takes besides its input: its name, its type, one line of help, and whether
 * it may be left out ({@code optional}) or repeated ({@code variadic}: any number of arguments from here on, at
 * least one unless it is also optional). Optional parameters follow the required ones; a variadic one is last.
 *
 * @param type a JSON Schema type name ({@code string}, {@code number}, {@code integer}, {@code boolean},
 *             {@code array}, {@code object}) or {@code any}
 */
public record FunctionParameter(String name, String type, String description, boolean optional, boolean variadic) {

    /** The types a parameter, an input or a result may have. */
    public static final Set<String> TYPES = Set.of("string", "number", "integer", "boolean", "array", "object",
            "any");

    public FunctionParameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("parameter " + name + ": type must be one of " + TYPES + ", not "
                    + type);
        }
    }

    public static FunctionParameter required(String name, String type, String description) {
        return new FunctionParameter(name, type, description, false, false);
    }

    public static FunctionParameter optional(String name, String type, String description) {
        return new FunctionParameter(name, type, description, true, false);
    }

    /** Any number of arguments, at least one. */
    public static FunctionParameter variadic(String name, String type, String description) {
        return new FunctionParameter(name, type, description, false, true);
    }

    /** Any number of arguments, none too. */
    public static FunctionParameter optionalVariadic(String name, String type, String description) {
        return new FunctionParameter(name, type, description, true, true);
    }

    /** How many arguments {@code parameters} take at least. */
    static int minArgs(List<FunctionParameter> parameters) {
        return (int) parameters.stream().filter(parameter -> !parameter.optional()).count();
    }

    /** How many arguments {@code parameters} take at most ({@link Integer#MAX_VALUE}: any number). */
    static int maxArgs(List<FunctionParameter> parameters) {
        return parameters.stream().anyMatch(FunctionParameter::variadic) ? Integer.MAX_VALUE : parameters.size();
    }

    /** Refuses a list where an optional parameter comes before a required one or a variadic one is not last. */
    static List<FunctionParameter> checked(String function, List<FunctionParameter> parameters) {
        for (int i = 0; i < parameters.size(); i++) {
            FunctionParameter parameter = parameters.get(i);
            if (parameter.variadic() && i != parameters.size() - 1) {
                throw new IllegalArgumentException(function + ": the variadic parameter " + parameter.name()
                        + " must be the last");
            }
            if (i > 0 && parameters.get(i - 1).optional() && !parameter.optional()) {
                throw new IllegalArgumentException(function + ": the required parameter " + parameter.name()
                        + " follows an optional one");
            }
        }
        return List.copyOf(parameters);
    }
}

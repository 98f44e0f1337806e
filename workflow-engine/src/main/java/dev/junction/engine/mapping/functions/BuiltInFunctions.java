package dev.junction.engine.mapping.functions;

import dev.junction.engine.mapping.FunctionCatalog;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The functions every mapping may use in its pipelines (see docs/mappings.md for the list). */
public final class BuiltInFunctions implements FunctionCatalog {

    private static final BuiltInFunctions STANDARD = new BuiltInFunctions(Stream.of(MoneyFunctions.all(),
            TextFunctions.all(), DateFunctions.all(), CollectionFunctions.all(), AddressFunctions.all())
            .flatMap(List::stream).map(MappingFunction.class::cast).toList());

    private final Map<String, MappingFunction> byName = new TreeMap<>();

    private BuiltInFunctions(List<MappingFunction> functions) {
        for (MappingFunction function : functions) {
            if (byName.put(function.name(), function) != null) {
                throw new IllegalStateException("two built-in functions are called " + function.name());
            }
        }
    }

    public static BuiltInFunctions standard() {
        return STANDARD;
    }

    /**
     * Whether a value counts as true for conditions and {@code ifElse}: true, non-empty text other than "false", a
     * non-zero number, any list or object.
     */
    public static boolean truthy(Object value) {
        return CollectionFunctions.truthy(value);
    }

    @Override
    public Optional<MappingFunction> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    @Override
    public List<MappingFunction> all() {
        return byName.values().stream().sorted(Comparator.comparing(MappingFunction::name)).toList();
    }
}

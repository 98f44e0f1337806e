package dev.junction.engine.mapping.suggest;

import dev.junction.engine.mapping.ValueMapCatalog;
import dev.junction.engine.mapping.functions.ValueMap;
import dev.junction.engine.schema.SchemaValidator;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The value map to put in a suggestion whose target takes only some values (a canonical status, a Dataverse
 * {@code statecode}): one whose every answer the target takes, and whose keys cover the source's values — its
 * {@code enum}, or, for a source without one, the values its description names ("New, Received, Planning, …").
 * Values are compared by their letters and digits, case aside ({@code COMPLETE_PARTIALLED} is
 * {@code CompletePartialled}), as the shipped maps match case-insensitively.
 *
 * @param matched how many of the source's values (or, from a description, of the map's keys) were found
 * @param of      out of how many
 */
record ValueMapChoice(String name, int matched, int of, boolean fromDescription) {

    /** The least share of the source's values a map must know. */
    static final double ENUM_COVERAGE = 0.75;
    /** The least share of a map's keys a source's description must name (and at least {@link #NAMED}). */
    static final double DESCRIPTION_COVERAGE = 0.6;
    static final int NAMED = 3;

    static Optional<ValueMapChoice> best(Field target, Field source, ValueMapCatalog maps) {
        Optional<List<?>> targetValues = target.schema().enumeration();
        if (targetValues.isEmpty()) {
            return Optional.empty();
        }
        Optional<List<?>> sourceEnum = source.schema().enumeration();
        Set<String> sourceValues = sourceEnum.map(values -> values.stream().map(TypeFit::plain)
                .collect(Collectors.toSet())).orElseGet(() -> words(source.description()));
        if (sourceValues.isEmpty()) {
            return Optional.empty();
        }
        ValueMapChoice best = null;
        int bestKeys = Integer.MAX_VALUE;
        for (ValueMap map : maps.all()) {
            if (map.entries().isEmpty() || !answersFit(map, targetValues.get())) {
                continue;
            }
            Set<String> keys = map.entries().keySet().stream().map(TypeFit::plain).collect(Collectors.toSet());
            ValueMapChoice choice;
            if (sourceEnum.isPresent()) {
                int matched = (int) sourceValues.stream().filter(keys::contains).count();
                if (matched < ENUM_COVERAGE * sourceValues.size()) {
                    continue;
                }
                choice = new ValueMapChoice(map.name(), matched, sourceValues.size(), false);
            } else {
                int matched = (int) keys.stream().filter(sourceValues::contains).count();
                if (matched < NAMED || matched < DESCRIPTION_COVERAGE * keys.size()) {
                    continue;
                }
                choice = new ValueMapChoice(map.name(), matched, keys.size(), true);
            }
            // the best share; on a tie the map with fewer keys (the closer fit)
            if (best == null || choice.share() > best.share()
                    || choice.share() == best.share() && keys.size() < bestKeys) {
                best = choice;
                bestKeys = keys.size();
            }
        }
        return Optional.ofNullable(best);
    }

    double share() {
        return (double) matched / of;
    }

    String reason() {
        return fromDescription
                ? "values through the value map '" + name + "' (the source's description names " + matched + " of its "
                        + of + " keys)"
                : "values through the value map '" + name + "' (it knows " + matched + " of the source's " + of
                        + " values)";
    }

    /** Whether every answer of the map (but nothing) is a value the target takes. */
    private static boolean answersFit(ValueMap map, List<?> targetValues) {
        for (Object answer : map.entries().values()) {
            if (answer != null && targetValues.stream().noneMatch(value -> SchemaValidator.same(value, answer))) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> words(String description) {
        Set<String> words = new HashSet<>();
        Arrays.stream(description.split("[^A-Za-z0-9_]+")).map(TypeFit::plain).filter(word -> !word.isEmpty())
                .forEach(words::add);
        return words;
    }
}

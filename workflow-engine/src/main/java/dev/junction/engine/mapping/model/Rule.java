package dev.junction.engine.mapping.model;

import java.util.List;
import java.util.Objects;

/** One rule of a mapping: it fills one target path (dotted, {@code billingAddress.address1}). */
public sealed interface Rule {

    /** The target path it fills, as written (relative to the list element inside a {@link ForEachRule}). */
    String target();

    /** When it applies; null: always. */
    When when();

    /** A note for people; null when there is none. */
    String description();

    /**
     * A rule filling one value: read from {@code source}, then through the pipeline in this order — {@code pipe},
     * {@code valueMap}, {@code lookup}, {@code fallback}.
     *
     * @param pipe     the function steps, in order
     * @param valueMap a value map applied after the pipe; null: none
     * @param lookup   the lookup table applied after the value map; null: none
     * @param fallback the value when the result is nothing ({@code "default"}); null: none
     */
    record ValueRule(String target, Source source, List<PipeStep> pipe, ValueMapUse valueMap, String lookup,
                     DefaultValue fallback, When when, String description) implements Rule {
        public ValueRule {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(source, "source");
            pipe = List.copyOf(Objects.requireNonNull(pipe, "pipe"));
        }

        /** A rule filling {@code target} from {@code source} with nothing else. */
        public static ValueRule of(String target, Source source) {
            return new ValueRule(target, source, List.of(), null, null, null, null, null);
        }

        public ValueRule withPipe(List<PipeStep> steps) {
            return new ValueRule(target, source, steps, valueMap, lookup, fallback, when, description);
        }
    }

    /**
     * A rule making a list: one element per element of the source list at {@code forEach}, each filled by the nested
     * {@code rules} (their source paths relative to the element, their targets to the target's element).
     * {@code forEach} may go through lists ({@code Shipments[].Packages}: every package of every shipment, in order).
     * The elements are then kept by {@code where}, ordered by {@code sortBy} and grouped by {@code groupBy}, in that
     * order (docs/mappings.md).
     *
     * @param where   the condition an element must meet to be kept (read relative to the element); null: all
     * @param sortBy  the keys the elements are sorted by, stably, in order; empty: source order
     * @param groupBy the source path (relative to the element) whose distinct values make one element each, read by
     *                the nested rules as {@code {"key": value, "items": [elements]}}; null: no grouping
     */
    record ForEachRule(String target, String forEach, List<Rule> rules, When when, String description, When where,
                       List<SortKey> sortBy, String groupBy) implements Rule {
        public ForEachRule {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(forEach, "forEach");
            rules = List.copyOf(Objects.requireNonNull(rules, "rules"));
            sortBy = List.copyOf(Objects.requireNonNull(sortBy, "sortBy"));
        }

        /** A plain loop: every element, in source order. */
        public ForEachRule(String target, String forEach, List<Rule> rules, When when, String description) {
            this(target, forEach, rules, when, description, null, List.of(), null);
        }

        /** The same rule with other nested rules. */
        public ForEachRule withRules(List<Rule> nested) {
            return new ForEachRule(target, forEach, nested, when, description, where, sortBy, groupBy);
        }
    }
}

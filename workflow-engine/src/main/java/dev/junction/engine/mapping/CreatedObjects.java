package dev.junction.engine.mapping;

import dev.junction.engine.json.FieldNames;
import dev.junction.engine.schema.JsonSchema;
import dev.junction.engine.schema.SchemaValidator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The required-field checks of the objects a mapping's rules create: the output itself, the objects on the way to a
 * dotted target ({@code billingAddress} for {@code billingAddress.city}) and each element of a forEach list. The
 * values rules place are checked against their field's schema as they are placed; what only the finished record can
 * tell — a required field no rule filled — is checked here, once, by walking only these objects.
 * <p>
 * A required field that one of the first 64 top-level rules fills is told by whether that rule placed a value (a bit
 * of {@code filled}, see {@link CompiledMapping}), not looked up: no other rule can overwrite or remove it (the
 * compiler refuses duplicate and overlapping targets). When every required field of an object and of the objects in
 * it is told so, and the rules placed them all, the object is not visited at all.
 */
final class CreatedObjects {

    /** The most rules whose placements a run tells in one {@code long}. */
    static final int TOLD_RULES = 64;

    /** The bit that tells whether top-level rule {@code index} placed its value; 0 beyond the first 64. */
    static long bit(int index) {
        return index < TOLD_RULES ? 1L << index : 0;
    }

    private final String[] required;
    /** Per required field, the bit of the top-level rule filling it; 0: looked up in the object. */
    private final long[] requiredBits;
    private final String[] objectNames;
    private final CreatedObjects[] objects;
    private final String[] listNames;
    private final CreatedObjects[] elements;
    /** Every required field here and in the objects inside is told by a bit (and no list is inside). */
    private final boolean allTold;
    /** The bits of every required field here and in the objects inside. */
    private final long allBits;

    private CreatedObjects(JsonSchema schema, Map<String, Long> filledBy, Set<String> alwaysFilled,
                           Map<String, CreatedObjects> objects, Map<String, CreatedObjects> lists) {
        this.required = schema.required().stream().filter(name -> !alwaysFilled.contains(name)).map(FieldNames::of)
                .toArray(String[]::new);
        this.requiredBits = new long[required.length];
        long bits = 0;
        boolean told = lists.isEmpty();
        for (int i = 0; i < required.length; i++) {
            requiredBits[i] = filledBy.getOrDefault(required[i], 0L);
            bits |= requiredBits[i];
            told &= requiredBits[i] != 0;
        }
        for (CreatedObjects inner : objects.values()) {
            bits |= inner.allBits;
            told &= inner.allTold;
        }
        this.allBits = bits;
        this.allTold = told;
        this.objectNames = objects.keySet().toArray(String[]::new);
        this.objects = objects.values().toArray(CreatedObjects[]::new);
        this.listNames = lists.keySet().toArray(String[]::new);
        this.elements = lists.values().toArray(CreatedObjects[]::new);
    }

    /** The objects the (top-level) rules create in an object of {@code schema}. */
    static CreatedObjects of(JsonSchema schema, List<CompiledRules.Rule> rules) {
        List<Placement> placements = new ArrayList<>(rules.size());
        for (int i = 0; i < rules.size(); i++) {
            placements.add(new Placement(rules.get(i), 0, bit(i)));
        }
        return of(schema, placements);
    }

    private static CreatedObjects of(JsonSchema schema, Iterable<Placement> placements) {
        Map<String, List<Placement>> nested = new LinkedHashMap<>();
        Map<String, CreatedObjects> lists = new LinkedHashMap<>();
        Map<String, Long> filledBy = new java.util.HashMap<>();
        Set<String> alwaysFilled = new HashSet<>();
        for (Placement placement : placements) {
            String[] target = placement.rule().target();
            String name = target[placement.depth()];
            if (placement.depth() < target.length - 1) {
                nested.computeIfAbsent(name, key -> new ArrayList<>()).add(placement.deeper());
                continue;
            }
            if (placement.bit() != 0) {
                filledBy.put(name, placement.bit());
            }
            if (placement.rule() instanceof CompiledRules.ValueRule value && value.alwaysFills()) {
                alwaysFilled.add(name); // a constant: present in every record, no need to look
            } else if (placement.rule() instanceof CompiledRules.ListRule each) {
                JsonSchema items = schema.property(name).flatMap(JsonSchema::items).orElse(JsonSchema.ANY);
                // the rules of an element are not told apart by bits: their fields are looked up
                lists.put(name, of(items, each.rules().stream().map(rule -> new Placement(rule, 0, 0)).toList()));
            }
        }
        Map<String, CreatedObjects> objects = new LinkedHashMap<>();
        nested.forEach((name, inner) -> objects.put(name, of(schema.property(name).orElse(JsonSchema.ANY), inner)));
        return new CreatedObjects(schema, filledBy, alwaysFilled, objects, lists);
    }

    /** Reports the required fields missing in {@code object}; {@code filled}: the bits of the rules that placed. */
    void check(Map<?, ?> object, String path, List<MappingProblem> problems, long filled) {
        if (allTold && (filled & allBits) == allBits) {
            return;
        }
        for (int i = 0; i < required.length; i++) {
            boolean missing = requiredBits[i] != 0 ? (filled & requiredBits[i]) == 0 : object.get(required[i]) == null;
            if (missing) {
                problems.add(MappingProblem.error(SchemaValidator.join(path, required[i]), "Required",
                        "is required but missing"));
            }
        }
        for (int i = 0; i < objects.length; i++) {
            if (object.get(objectNames[i]) instanceof Map<?, ?> child) {
                objects[i].check(child, SchemaValidator.join(path, objectNames[i]), problems, filled);
            }
        }
        for (int i = 0; i < elements.length; i++) {
            if (object.get(listNames[i]) instanceof List<?> list) {
                String listPath = SchemaValidator.join(path, listNames[i]);
                for (int e = 0; e < list.size(); e++) {
                    if (list.get(e) instanceof Map<?, ?> element) {
                        elements[i].check(element, listPath + "[" + e + "]", problems, 0);
                    }
                }
            }
        }
    }

    /**
     * A rule whose target is looked at from {@code depth} names down (billingAddress.city at 1: city); {@code bit}
     * tells whether it placed its value (0: not told).
     */
    private record Placement(CompiledRules.Rule rule, int depth, long bit) {

        Placement deeper() {
            return new Placement(rule, depth + 1, bit);
        }
    }
}

package dev.junction.engine.mapping;

import dev.junction.engine.mapping.schema.JsonSchema;
import dev.junction.engine.mapping.schema.SchemaValidator;

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
 */
final class CreatedObjects {

    private final String[] required;
    private final String[] objectNames;
    private final CreatedObjects[] objects;
    private final String[] listNames;
    private final CreatedObjects[] elements;

    private CreatedObjects(JsonSchema schema, Set<String> alwaysFilled, Map<String, CreatedObjects> objects,
                           Map<String, CreatedObjects> lists) {
        this.required = schema.required().stream().filter(name -> !alwaysFilled.contains(name)).map(String::intern)
                .toArray(String[]::new);
        this.objectNames = objects.keySet().toArray(String[]::new);
        this.objects = objects.values().toArray(CreatedObjects[]::new);
        this.listNames = lists.keySet().toArray(String[]::new);
        this.elements = lists.values().toArray(CreatedObjects[]::new);
    }

    /** The objects the rules create in an object of {@code schema}. */
    static CreatedObjects of(JsonSchema schema, List<CompiledRules.Rule> rules) {
        return of(schema, rules.stream().map(rule -> new Placement(rule, 0)).toList());
    }

    private static CreatedObjects of(JsonSchema schema, Iterable<Placement> placements) {
        Map<String, List<Placement>> nested = new LinkedHashMap<>();
        Map<String, CreatedObjects> lists = new LinkedHashMap<>();
        Set<String> alwaysFilled = new HashSet<>();
        for (Placement placement : placements) {
            String[] target = placement.rule().target();
            String name = target[placement.depth()];
            if (placement.depth() < target.length - 1) {
                nested.computeIfAbsent(name, key -> new ArrayList<>()).add(placement.deeper());
            } else if (placement.rule() instanceof CompiledRules.ValueRule value && value.alwaysFills()) {
                alwaysFilled.add(name); // a constant: present in every record, no need to look
            } else if (placement.rule() instanceof CompiledRules.ForEachRule each) {
                JsonSchema items = schema.property(name).flatMap(JsonSchema::items).orElse(JsonSchema.ANY);
                lists.put(name, of(items, each.rules()));
            }
        }
        Map<String, CreatedObjects> objects = new LinkedHashMap<>();
        nested.forEach((name, inner) -> objects.put(name, of(schema.property(name).orElse(JsonSchema.ANY), inner)));
        return new CreatedObjects(schema, alwaysFilled, objects, lists);
    }

    void check(Map<?, ?> object, String path, List<MappingProblem> problems) {
        for (String name : required) {
            if (object.get(name) == null) {
                problems.add(MappingProblem.error(SchemaValidator.join(path, name), "Required", "is required but missing"));
            }
        }
        for (int i = 0; i < objects.length; i++) {
            if (object.get(objectNames[i]) instanceof Map<?, ?> child) {
                objects[i].check(child, SchemaValidator.join(path, objectNames[i]), problems);
            }
        }
        for (int i = 0; i < elements.length; i++) {
            if (object.get(listNames[i]) instanceof List<?> list) {
                String listPath = SchemaValidator.join(path, listNames[i]);
                for (int e = 0; e < list.size(); e++) {
                    if (list.get(e) instanceof Map<?, ?> element) {
                        elements[i].check(element, listPath + "[" + e + "]", problems);
                    }
                }
            }
        }
    }

    /** A rule whose target is looked at from {@code depth} names down (billingAddress.city at 1: city). */
    private record Placement(CompiledRules.Rule rule, int depth) {

        Placement deeper() {
            return new Placement(rule, depth + 1);
        }
    }
}

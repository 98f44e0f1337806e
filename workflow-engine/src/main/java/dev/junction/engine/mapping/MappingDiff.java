package dev.junction.engine.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What changed between two versions of a mapping, by structure: its source or target schema, and its rules by the
 * target path they fill (rules inside a {@code forEach} by {@code items[].sku}): added, removed, changed (with the
 * rule before and after). Moving a rule up or down is not a change.
 */
public record MappingDiff(boolean sourceChanged, boolean targetChanged, List<String> addedRules,
                          List<String> removedRules, List<ChangedRule> changedRules) {

    public MappingDiff {
        addedRules = List.copyOf(addedRules);
        removedRules = List.copyOf(removedRules);
        changedRules = List.copyOf(changedRules);
    }

    /** A rule for the same target path that is not the same rule any more. */
    public record ChangedRule(String target, Object before, Object after) {
    }

    public static MappingDiff between(Map<?, ?> from, Map<?, ?> to) {
        Map<String, Object> before = rulesByTarget(from.get("rules"), "");
        Map<String, Object> after = rulesByTarget(to.get("rules"), "");
        List<String> added = new ArrayList<>();
        List<ChangedRule> changed = new ArrayList<>();
        after.forEach((target, rule) -> {
            if (!before.containsKey(target)) {
                added.add(target);
            } else if (!Objects.equals(before.get(target), rule)) {
                changed.add(new ChangedRule(target, before.get(target), rule));
            }
        });
        List<String> removed = before.keySet().stream().filter(target -> !after.containsKey(target)).toList();
        return new MappingDiff(!Objects.equals(from.get("source"), to.get("source")),
                !Objects.equals(from.get("target"), to.get("target")), added, removed, changed);
    }

    /** The rules by target path; a forEach rule stands for itself without its inner rules, which follow it. */
    private static Map<String, Object> rulesByTarget(Object rules, String prefix) {
        Map<String, Object> byTarget = new LinkedHashMap<>();
        if (!(rules instanceof List<?> list)) {
            return byTarget;
        }
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> rule)) {
                continue;
            }
            String target = prefix + rule.get("target");
            Map<Object, Object> own = new LinkedHashMap<>(rule);
            Object inner = own.remove("rules");
            byTarget.put(target, own);
            if (rule.containsKey("forEach")) {
                byTarget.putAll(rulesByTarget(inner, target + "[]."));
            }
        }
        return byTarget;
    }
}

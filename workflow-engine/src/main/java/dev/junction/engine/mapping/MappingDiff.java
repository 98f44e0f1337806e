package dev.junction.engine.mapping;

import dev.junction.engine.mapping.model.MappingDocument;
import dev.junction.engine.mapping.model.Rule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What changed between two versions of a mapping, by structure: its source or target schema, and its rules by the
 * target path they fill (rules inside a {@code forEach} by {@code items[].sku}): added, removed, changed (with the
 * rule before and after, in its JSON form without nested rules). Moving a rule up or down is not a change.
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

    public static MappingDiff between(MappingDocument from, MappingDocument to) {
        Map<String, Rule> before = rulesByTarget(from.rules(), "");
        Map<String, Rule> after = rulesByTarget(to.rules(), "");
        List<String> added = new ArrayList<>();
        List<ChangedRule> changed = new ArrayList<>();
        after.forEach((target, rule) -> {
            Rule old = before.get(target);
            if (old == null) {
                added.add(target);
            } else if (!withoutNested(old).equals(withoutNested(rule))) {
                changed.add(new ChangedRule(target, json(old), json(rule)));
            }
        });
        List<String> removed = before.keySet().stream().filter(target -> !after.containsKey(target)).toList();
        return new MappingDiff(!Objects.equals(from.source(), to.source()),
                !Objects.equals(from.target(), to.target()), added, removed, changed);
    }

    /** The rules by target path; a forEach rule stands for itself without its inner rules, which follow it. */
    private static Map<String, Rule> rulesByTarget(List<Rule> rules, String prefix) {
        Map<String, Rule> byTarget = new LinkedHashMap<>();
        for (Rule rule : rules) {
            String target = prefix + rule.target();
            byTarget.put(target, rule);
            if (rule instanceof Rule.ForEachRule each) {
                byTarget.putAll(rulesByTarget(each.rules(), target + "[]."));
            }
        }
        return byTarget;
    }

    private static Rule withoutNested(Rule rule) {
        return rule instanceof Rule.ForEachRule each ? each.withRules(List.of()) : rule;
    }

    private static Map<String, Object> json(Rule rule) {
        Map<String, Object> json = MappingJson.write(rule);
        json.remove("rules");
        return json;
    }
}

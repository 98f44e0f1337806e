package dev.junction.engine.definition;

import dev.junction.engine.json.PayloadJson;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class DefinitionMergeTest {

    private static final String BASE = """
            {"schemaVersion": 1,
             "trigger": {"kind": "schedule", "config": {"cron": "0 0 * * * ?"}, "position": {"x": 0, "y": 0}},
             "nodes": [
               {"id": "x", "type": "script", "name": "Ex", "config": {"code": "return 1;"}, "position": {"x": 1, "y": 0}},
               {"id": "y", "type": "script", "name": "Why", "config": {"code": "return 2;"}, "position": {"x": 2, "y": 0}}],
             "edges": [{"from": "trigger", "fromPort": "out", "to": "x"}, {"from": "x", "fromPort": "out", "to": "y"}]}""";

    @Test
    void editsOfDifferentNodesAndFieldsMergeWithoutConflicts() {
        Map<String, Object> mine = edit(BASE, "\"name\": \"Ex\"", "\"name\": \"Ex renamed\"");
        Map<String, Object> theirs = edit(BASE, "return 2;", "return 22;");

        DefinitionMerge.Result result = DefinitionMerge.merge(read(BASE), mine, theirs);

        assertThat(result.conflicts()).isEmpty();
        assertThat(node(result.merged(), "x").get("name")).isEqualTo("Ex renamed");
        assertThat(node(result.merged(), "y").get("config")).isEqualTo(Map.of("code", "return 22;"));
    }

    @Test
    void theSameFieldChangedDifferentlyIsAConflictHoldingMine() {
        Map<String, Object> mine = edit(BASE, "return 2;", "return 'mine';");
        Map<String, Object> theirs = edit(BASE, "return 2;", "return 'theirs';");

        DefinitionMerge.Result result = DefinitionMerge.merge(read(BASE), mine, theirs);

        assertThat(result.conflicts()).singleElement().satisfies(conflict -> {
            assertThat(conflict.path()).containsExactly("nodes", "y", "config", "code");
            assertThat(conflict.nodeId()).isEqualTo("y");
            assertThat(conflict.key()).isEqualTo("nodes/y/config/code");
            assertThat(conflict.label()).isEqualTo("Why · config.code");
            assertThat(conflict.base()).contains("return 2;");
            assertThat(conflict.mine()).contains("return 'mine';");
            assertThat(conflict.theirs()).contains("return 'theirs';");
        });
        assertThat(node(result.merged(), "y").get("config")).isEqualTo(Map.of("code", "return 'mine';"));
    }

    @Test
    void theSameEditOnBothSidesIsNoConflict() {
        Map<String, Object> both = edit(BASE, "return 2;", "return 3;");

        assertThat(DefinitionMerge.merge(read(BASE), both, both).conflicts()).isEmpty();
    }

    @Test
    void aNodeRemovedOnOneSideAndChangedOnTheOtherIsAWholeNodeConflict() {
        Map<String, Object> mine = read(BASE.replace(
                ",\n   {\"id\": \"y\", \"type\": \"script\", \"name\": \"Why\", \"config\": {\"code\": \"return 2;\"}, \"position\": {\"x\": 2, \"y\": 0}}", "")
                .replace(", {\"from\": \"x\", \"fromPort\": \"out\", \"to\": \"y\"}", ""));
        assertThat(nodes(mine)).hasSize(1);
        Map<String, Object> theirs = edit(BASE, "return 2;", "return 22;");

        DefinitionMerge.Result result = DefinitionMerge.merge(read(BASE), mine, theirs);

        assertThat(result.conflicts()).singleElement().satisfies(conflict -> {
            assertThat(conflict.path()).containsExactly("nodes", "y");
            assertThat(conflict.mine()).isEqualTo(Optional.empty());
            assertThat(conflict.theirs()).isPresent();
            assertThat(conflict.label()).isEqualTo("Why: removed by you, changed by the other save");
        });
        assertThat(nodes(result.merged())).extracting(node -> node.get("id")).containsExactly("x");
        assertThat(result.merged().get("edges")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .hasSize(1);
    }

    @Test
    void edgesMergeAsASetAndNodesAddedOnBothSidesAreKept() {
        Map<String, Object> mine = read(BASE.replace("\"edges\": [", "\"edges\": [{\"from\": \"y\", \"fromPort\": \"out\", \"to\": \"m\"}, ")
                .replace("\"nodes\": [", "\"nodes\": [{\"id\": \"m\", \"type\": \"script\", \"name\": \"Mine\", \"config\": {\"code\": \"return 0;\"}, \"position\": {\"x\": 3, \"y\": 0}},"));
        Map<String, Object> theirs = read(BASE.replace("{\"from\": \"trigger\", \"fromPort\": \"out\", \"to\": \"x\"}, ", "")
                .replace("\"nodes\": [", "\"nodes\": [{\"id\": \"t\", \"type\": \"script\", \"name\": \"Theirs\", \"config\": {\"code\": \"return 0;\"}, \"position\": {\"x\": 4, \"y\": 0}},"));

        DefinitionMerge.Result result = DefinitionMerge.merge(read(BASE), mine, theirs);

        assertThat(result.conflicts()).isEmpty();
        assertThat(nodes(result.merged())).extracting(node -> node.get("id")).containsExactly("m", "x", "y", "t");
        assertThat(result.merged().get("edges")).isEqualTo(List.of(
                Map.of("from", "y", "fromPort", "out", "to", "m"), Map.of("from", "x", "fromPort", "out", "to", "y")));
    }

    @Test
    void theTriggerMergesDeep() {
        Map<String, Object> mine = edit(BASE, "0 0 * * * ?", "0 30 * * * ?");
        Map<String, Object> theirs = edit(BASE, "\"position\": {\"x\": 0, \"y\": 0}", "\"position\": {\"x\": 9, \"y\": 0}");
        DefinitionMerge.Result result = DefinitionMerge.merge(read(BASE), mine, theirs);
        assertThat(result.conflicts()).isEmpty();
        assertThat(result.merged().get("trigger").toString()).contains("0 30 * * * ?").contains("x=9");

        Map<String, Object> other = edit(BASE, "0 0 * * * ?", "0 45 * * * ?");
        assertThat(DefinitionMerge.merge(read(BASE), mine, other).conflicts()).singleElement().satisfies(conflict -> {
            assertThat(conflict.path()).containsExactly("trigger", "config", "cron");
            assertThat(conflict.nodeId()).isEqualTo("trigger");
            assertThat(conflict.label()).isEqualTo("Trigger · config.cron");
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(String json) {
        return (Map<String, Object>) PayloadJson.read(json);
    }

    private static Map<String, Object> edit(String json, String from, String to) {
        assertThat(json).contains(from);
        return read(json.replace(from, to));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> nodes(Map<String, Object> definition) {
        return (List<Map<String, Object>>) definition.get("nodes");
    }

    private static Map<String, Object> node(Map<String, Object> definition, String id) {
        return nodes(definition).stream().filter(node -> id.equals(node.get("id"))).findFirst().orElseThrow();
    }
}

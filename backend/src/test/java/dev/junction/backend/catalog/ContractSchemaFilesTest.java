package dev.junction.backend.catalog;

import dev.junction.engine.json.PayloadJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The schema files the browser's TypeScript types are generated from. */
class ContractSchemaFilesTest {

    @Test
    void writesEveryContractAsItsPublishedSchemaWithoutConditions(@TempDir Path directory) throws Exception {
        ContractSchemaFiles.main(new String[] {directory.toString()});

        assertThat(Files.list(directory).map(path -> path.getFileName().toString()))
                .containsExactlyInAnyOrder("workflow.schema.json", "mapping.schema.json", "catalog.schema.json");
        assertThat(PayloadJson.read(Files.readString(directory.resolve("catalog.schema.json"))))
                .isEqualTo(PayloadJson.normalized(CatalogSchema.document()));
        String workflow = Files.readString(directory.resolve("workflow.schema.json"));
        assertThat(workflow).contains("\"fromPort\"").doesNotContain("\"if\"").doesNotContain("\"then\"");
        // a mapping rule keeps its fields; "exactly one of from, value, expression, forEach" is the server's to check
        Map<?, ?> mapping = (Map<?, ?>) PayloadJson.read(Files.readString(directory.resolve("mapping.schema.json")));
        Map<?, ?> rule = (Map<?, ?>) ((Map<?, ?>) mapping.get("$defs")).get("Rule");
        assertThat(rule.containsKey("oneOf")).isFalse();
        assertThat(((Map<?, ?>) rule.get("properties")).keySet().stream().map(String::valueOf))
                .contains("target", "from", "value", "expression", "pipe");
    }

    @Test
    void dropsIfThenElseButKeepsPropertiesOfThoseNames() {
        Object schema = PayloadJson.read("""
                {"type": "object",
                 "properties": {"if": {"type": "string"}, "then": {"type": "object",
                                "allOf": [{"if": {"required": ["a"]}, "then": {"required": ["b"]}}]}},
                 "allOf": [{"if": {"properties": {"type": {"const": "x"}}}, "then": {"required": ["x"]}},
                           {"required": ["if"]}]}""");

        assertThat(ContractSchemaFiles.withoutConditions(schema)).isEqualTo(PayloadJson.read("""
                {"type": "object",
                 "properties": {"if": {"type": "string"}, "then": {"type": "object"}},
                 "allOf": [{"required": ["if"]}]}"""));
    }

    @Test
    void leavesASchemaWithoutConditionsAsItIs() {
        Map<String, Object> catalog = CatalogSchema.document();
        assertThat(ContractSchemaFiles.withoutConditions(catalog)).isEqualTo(catalog);
    }
}

package dev.junction.ui.workflows;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The fix-up's rewrite: each mapped connection is replaced where a node or the trigger names it, nothing else. */
class ImportFixUpsTest {

    @Test
    void replacesTheMappedConnectionsOfNodesAndTriggerOnly() {
        Map<String, Object> definition = Map.of("schemaVersion", 1,
                "trigger", Map.of("kind", "polling", "config", Map.of("connection", "amazon-live", "cron", "x")),
                "nodes", List.of(
                        Map.of("id", "pay", "config", Map.of("connection", "Opayo live", "operation", "refund")),
                        Map.of("id", "other", "config", Map.of("connection", "dataverse-sandbox")),
                        Map.of("id", "script", "config", Map.of("code", "return {connection: 'Opayo live'};"))),
                "edges", List.of());

        Map<String, Object> fixed = ImportFixUps.withConnections(definition,
                Map.of("Opayo live", "opayo-sandbox", "amazon-live", "amazon-sp-api-sandbox"));

        assertThat(fixed).extractingByKey("trigger").asString().contains("connection=amazon-sp-api-sandbox")
                .contains("cron=x");
        List<?> nodes = (List<?>) fixed.get("nodes");
        assertThat(nodes.get(0).toString()).contains("connection=opayo-sandbox").contains("operation=refund");
        assertThat(nodes.get(1)).isEqualTo(((List<?>) definition.get("nodes")).get(1));
        assertThat(nodes.get(2)).isEqualTo(((List<?>) definition.get("nodes")).get(2));
        assertThat(definition.get("trigger").toString()).as("the original is not changed").contains("amazon-live");
    }
}

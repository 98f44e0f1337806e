package dev.junction.ui.mappings.editor;

import dev.junction.engine.json.PayloadJson;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MappingKeyOrderTest {

    @Test
    void keysComeInTheOrderPeopleWriteThemAndNothingIsLost() {
        Object stored = PayloadJson.read("""
                {"rules": [{"from": "Items", "rules": [{"pipe": [{"args": [1], "fn": "add"}], "from": "$index",
                  "target": "line"}], "target": "items", "forEach": "Items", "x-note": "kept"}],
                 "source": {"schema": "sp-api/Order"}, "schemaVersion": 1}""");

        String ordered = PayloadJson.write(MappingKeyOrder.document(stored));

        assertThat(ordered).isEqualTo("{\"schemaVersion\":1,\"source\":{\"schema\":\"sp-api/Order\"},\"rules\":"
                + "[{\"target\":\"items\",\"from\":\"Items\",\"forEach\":\"Items\",\"rules\":[{\"target\":\"line\","
                + "\"from\":\"$index\",\"pipe\":[{\"fn\":\"add\",\"args\":[1]}]}],\"x-note\":\"kept\"}]}");
        assertThat(MappingKeyOrder.document("not a mapping")).isEqualTo("not a mapping");
    }
}

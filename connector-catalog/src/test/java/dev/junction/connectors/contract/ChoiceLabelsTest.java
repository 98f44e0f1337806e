package dev.junction.connectors.contract;

import dev.junction.engine.connectors.Connector;
import dev.junction.engine.connectors.ConnectorCatalog;
import dev.junction.engine.connectors.ConnectorDescriptor;
import dev.junction.engine.connectors.OperationDescriptor;
import dev.junction.engine.connectors.SettingField;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every choice setting of every shipped connector names each of its values in words a person reads (not the stored
 * machine value), and its connection form's JSON Schema carries those words beside the values it stores; a number
 * code an operation's input takes (a Dataverse state or status) is named the same way ({@code x-enumNames}).
 */
class ChoiceLabelsTest {

    private static final List<ConnectorDescriptor> DESCRIPTORS = ConnectorCatalog.discovered().all().stream()
            .map(Connector::descriptor).toList();

    @Test
    void everyChoiceOfEveryConnectorHasALabelThatIsNotItsValue() {
        int choices = 0;
        for (ConnectorDescriptor descriptor : DESCRIPTORS) {
            for (SettingField setting : descriptor.settings()) {
                for (SettingField.Choice choice : setting.choices()) {
                    assertThat(choice.label()).as(descriptor.id() + " " + setting.name() + " " + choice.value())
                            .isNotEqualToIgnoringCase(choice.value());
                    choices++;
                }
            }
        }
        assertThat(choices).as("the HTTP connector's 5 authentication kinds, Opayo's 2 environments, Amazon's 3"
                + " regions").isGreaterThanOrEqualTo(10);
    }

    @Test
    void theWordsAreTheOnesThatSayWhatEachValueMeans() {
        assertThat(labels("http", "authKind")).containsExactly(
                Map.entry("none", "No authentication"),
                Map.entry("basic", "User name and password (HTTP Basic)"),
                Map.entry("bearer", "Fixed bearer token"),
                Map.entry("apiKey", "API key in a header"),
                Map.entry("oauth2ClientCredentials", "OAuth 2.0 client credentials"));
        assertThat(labels("opayo-pi", "environment")).containsExactly(
                Map.entry("test", "Test (no real payments)"), Map.entry("live", "Live (real payments)"));
        assertThat(labels("amazon-sp-api", "region")).containsExactly(
                Map.entry("na", "North America (US, CA, MX, BR)"),
                Map.entry("eu", "Europe (UK, DE, FR, IT, ES, IN, AE, …)"),
                Map.entry("fe", "Far East (JP, AU, SG)"));
    }

    @Test
    void theSettingsSchemaStoresTheValuesAndShowsTheLabels() {
        for (ConnectorDescriptor descriptor : DESCRIPTORS) {
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) descriptor
                    .settingsSchema().get("properties");
            for (SettingField setting : descriptor.settings()) {
                if (setting.type() != SettingField.Type.CHOICE) {
                    continue;
                }
                Map<String, Object> property = properties.get(setting.name());
                assertThat(property).as(descriptor.id() + " " + setting.name())
                        .containsEntry("enum", setting.choiceValues())
                        .containsEntry("x-enumNames", setting.choices().stream().map(SettingField.Choice::label)
                                .toList());
                assertThat(setting.choiceValues()).as("the default is one of the values")
                        .contains(setting.defaultValue());
            }
        }
    }

    @Test
    void aNumberCodeInAnOperationsInputIsNamedToo() {
        List<String> bare = new ArrayList<>();
        for (ConnectorDescriptor descriptor : DESCRIPTORS) {
            for (OperationDescriptor operation : descriptor.operations()) {
                bareNumberCodes(operation.inputSchema(), descriptor.id() + " " + operation.id(), bare);
            }
        }
        assertThat(bare).as("enums of numbers without x-enumNames").isEmpty();
        @SuppressWarnings("unchecked")
        Map<String, Object> statecode = (Map<String, Object>) ((Map<String, Object>) DESCRIPTORS.stream()
                .filter(descriptor -> descriptor.id().equals("dataverse")).findFirst().orElseThrow()
                .operation("querySalesOrders").orElseThrow().inputSchema().get("properties")).get("statecode");
        assertThat(statecode).containsEntry("enum", List.of(0, 1, 2, 3, 4)).containsEntry("x-enumNames",
                List.of("Active", "Submitted", "Canceled", "Fulfilled", "Invoiced"));
    }

    /** Each schema under {@code schema} whose enum is of numbers (a code) and that names none of them. */
    private static void bareNumberCodes(Object schema, String where, List<String> bare) {
        if (schema instanceof Map<?, ?> node) {
            if (node.get("enum") instanceof List<?> values && !values.isEmpty()
                    && values.stream().allMatch(Number.class::isInstance)
                    && !(node.get("x-enumNames") instanceof List<?> names && names.size() == values.size())) {
                bare.add(where + " " + values);
            }
            node.forEach((key, child) -> bareNumberCodes(child, where + "/" + key, bare));
        } else if (schema instanceof List<?> items) {
            items.forEach(item -> bareNumberCodes(item, where, bare));
        }
    }

    private static Map<String, String> labels(String connector, String setting) {
        Map<String, String> labels = new LinkedHashMap<>();
        DESCRIPTORS.stream().filter(descriptor -> descriptor.id().equals(connector)).findFirst().orElseThrow()
                .setting(setting).orElseThrow().choices()
                .forEach(choice -> labels.put(choice.value(), choice.label()));
        return labels;
    }
}

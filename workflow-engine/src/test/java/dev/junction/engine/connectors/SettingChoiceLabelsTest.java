package dev.junction.engine.connectors;

import dev.junction.engine.connectors.SettingField.Choice;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A choice setting carries, beside each value that is stored, the words a form shows for it; a value without words
 * is shown as itself. The connection form's JSON Schema keeps the values in {@code enum} and the labels, in the same
 * order, in {@code x-enumNames}.
 */
class SettingChoiceLabelsTest {

    private static final SettingField AUTH = SettingField.choice("authKind", "Authentication", "How", "none",
            Choice.of("none", "No authentication"), Choice.of("oauth2ClientCredentials", "OAuth 2.0 client credentials"),
            Choice.of("custom"));

    @Test
    void eachValueHasItsLabelAndAValueWithoutOneIsShownAsItself() {
        assertThat(AUTH.choices()).containsExactly(new Choice("none", "No authentication"),
                new Choice("oauth2ClientCredentials", "OAuth 2.0 client credentials"), new Choice("custom", "custom"));
        assertThat(AUTH.choiceValues()).containsExactly("none", "oauth2ClientCredentials", "custom");
        assertThat(AUTH.choiceLabel("oauth2ClientCredentials")).isEqualTo("OAuth 2.0 client credentials");
        assertThat(AUTH.choiceLabel("custom")).isEqualTo("custom");
        assertThat(AUTH.choiceLabel("gone")).as("a value no longer offered").isEqualTo("gone");
        assertThat(new Choice("blank", " ").label()).isEqualTo("blank");
    }

    @Test
    void aChoiceOfBareValuesIsLabelledByTheValues() {
        SettingField mode = SettingField.choice("mode", "Mode", "How", "plain", List.of("plain", "loud"));

        assertThat(mode.choices()).containsExactly(Choice.of("plain", "plain"), Choice.of("loud", "loud"));
        assertThat(mode.schema()).containsEntry("enum", List.of("plain", "loud"))
                .containsEntry("x-enumNames", List.of("plain", "loud"));
    }

    @Test
    void theFormsSchemaKeepsTheValuesAndGivesTheLabelsInTheSameOrder() {
        ConnectorDescriptor descriptor = new ConnectorDescriptor("api", "API", "1.0", "vaadin:globe", "An API",
                ConnectorDescriptor.AuthKind.CONFIGURABLE, List.of(AUTH), List.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> authKind = (Map<String, Object>) ((Map<String, Object>) descriptor.settingsSchema()
                .get("properties")).get("authKind");

        assertThat(authKind).containsEntry("enum", List.of("none", "oauth2ClientCredentials", "custom"))
                .containsEntry("x-enumNames", List.of("No authentication", "OAuth 2.0 client credentials", "custom"))
                .containsEntry("default", "none").containsEntry("title", "Authentication");
    }

    @Test
    void aChoiceNeedsAValueAndEachValueOnce() {
        assertThatThrownBy(() -> Choice.of(" ", "Nothing")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SettingField.choice("mode", "Mode", "How", "a", Choice.of("a", "A"),
                Choice.of("a", "Again"))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mode");
    }
}

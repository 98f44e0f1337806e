package dev.junction.engine.connectors;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A setting that applies only while another has one of some values: in the form's schema and when it is checked. */
class SettingDependsOnTest {

    private static final SettingField AUTH = SettingField.choice("authKind", "Authentication", "How", "none",
            List.of("none", "basic", "bearer"));
    private static final SettingField USER = SettingField.text("username", "User name", "For basic", true, null)
            .dependingOn("authKind", List.of("basic"));
    private static final SettingField PASSWORD = SettingField.secret("password", "Password", "For basic", false)
            .dependingOn("authKind", List.of("basic"));
    private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor("api", "API", "1.0", "vaadin:globe",
            "An API", ConnectorDescriptor.AuthKind.CONFIGURABLE, List.of(AUTH, USER, PASSWORD), List.of());

    @Test
    void theSchemaOfADependentSettingSaysOnWhatItDepends() {
        @SuppressWarnings("unchecked")
        Map<String, Object> properties = (Map<String, Object>) DESCRIPTOR.settingsSchema().get("properties");

        assertThat((Map<String, Object>) properties.get("username")).containsEntry("x-dependsOn",
                Map.of("authKind", List.of("basic")));
        assertThat((Map<String, Object>) properties.get("password")).containsEntry("x-dependsOn",
                Map.of("authKind", List.of("basic"))).containsEntry("x-secret", true);
        assertThat((Map<String, Object>) properties.get("authKind")).doesNotContainKey("x-dependsOn");
    }

    @Test
    void aSettingAppliesWhileItsConditionHoldsTheOtherSettingsDefaultCounting() {
        assertThat(DESCRIPTOR.applies(USER, Map.of("authKind", "basic"))).isTrue();
        assertThat(DESCRIPTOR.applies(USER, Map.of("authKind", "bearer"))).isFalse();
        assertThat(DESCRIPTOR.applies(USER, Map.of())).as("authKind defaults to none").isFalse();
        assertThat(DESCRIPTOR.applies(AUTH, Map.of())).isTrue();
    }

    @Test
    void aSettingCannotDependOnOneTheConnectorDoesNotHaveOrOnASecret() {
        assertThatThrownBy(() -> new ConnectorDescriptor("api", "API", "1.0", "vaadin:globe", "An API",
                ConnectorDescriptor.AuthKind.CONFIGURABLE, List.of(AUTH,
                SettingField.text("scope", "Scope", "", false, null).dependingOn("grant", List.of("x"))), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("depends on grant");
    }
}

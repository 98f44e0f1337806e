package dev.junction.ui.shared;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.api.InvalidInputException.FieldProblem;
import dev.junction.engine.schema.Schemas;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.junction.engine.schema.Schemas.secret;
import static dev.junction.engine.schema.Schemas.string;
import static dev.junction.engine.schema.Schemas.titled;
import static org.assertj.core.api.Assertions.assertThat;

/** The settings part that the connection and alert channel dialogs share: form, stored secrets, problems. */
class SettingsPanelTest {

    private static final Map<String, Object> SCHEMA = Schemas.object()
            .required("url", titled("URL", string("Where to post")))
            .optional("token", titled("Token", secret(string(null))))
            .build();

    @Test
    void showsTheFormUnderItsHeadingWithStoredSecretsWriteOnly() {
        SettingsPanel panel = new SettingsPanel("channel", "channel-setting-");
        assertThat(panel.values()).isEmpty();
        assertThat(panel.secretValues()).isEmpty();

        String setOn = SettingsPanel.setOn(OffsetDateTime.of(2026, 12, 2, 14, 3, 0, 0, ZoneOffset.UTC), "admin");
        panel.show("Webhook settings", SCHEMA, Map.of("url", "http://127.0.0.1:9/hook"), Map.of("token", setOn));

        assertThat(setOn).startsWith("Set on ").endsWith(" by admin");
        assertThat(this.<H4>find(panel, null, H4.class).getText()).isEqualTo("Webhook settings");
        assertThat(this.<Span>find(panel, "secret-state-token", Span.class).getText()).isEqualTo(setOn);
        assertThat(panel.textValues()).containsEntry("url", "http://127.0.0.1:9/hook");
        assertThat(panel.secretValues()).isEmpty(); // the stored token is kept
        this.<PasswordField>find(panel, "channel-setting-token", PasswordField.class).setValue("new-token");
        assertThat(panel.secretValues()).isEmpty(); // not replaced: still hidden
        assertThat(this.<Component>find(panel, "channel-settings", Component.class)).isNotNull();

        panel.clear();
        assertThat(panel.values()).isEmpty();
    }

    @Test
    void routesSettingAndSecretProblemsToTheirFieldsAndTheRestToTheFormLine() {
        SettingsPanel panel = new SettingsPanel("connection", "setting-");
        panel.show("Shop settings", SCHEMA, null, Map.of());
        FieldErrors errors = panel.showProblemsOf(new FieldErrors());

        errors.show(new InvalidInputException(List.of(new FieldProblem("settings.url", "must be an http URL"),
                new FieldProblem("timeout", "must be a number"))));

        TextField url = find(panel, "setting-url", TextField.class);
        Span formError = find(panel, "connection-form-error", Span.class);
        assertThat(url.isInvalid()).isTrue();
        assertThat(url.getErrorMessage()).isEqualTo("URL must be an http URL");
        assertThat(formError.isVisible()).isTrue();
        assertThat(formError.getText()).isEqualTo("timeout must be a number");

        errors.clear();
        panel.clearProblems();
        assertThat(url.isInvalid()).isFalse();
        assertThat(formError.isVisible()).isFalse();
    }

    @SuppressWarnings("unchecked")
    private <T extends Component> T find(Component root, String id, Class<?> type) {
        Optional<Component> found = root.getChildren()
                .flatMap(child -> Optional.ofNullable((Component) find(child, id, type)).stream()).findFirst();
        boolean matches = type.isInstance(root) && (id == null || id.equals(root.getId().orElse(null)));
        return (T) (matches ? root : found.orElse(null));
    }
}

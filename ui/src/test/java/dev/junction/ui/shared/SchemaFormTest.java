package dev.junction.ui.shared;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import dev.junction.engine.schema.Schemas;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.junction.engine.schema.Schemas.bool;
import static dev.junction.engine.schema.Schemas.defaulting;
import static dev.junction.engine.schema.Schemas.dependsOn;
import static dev.junction.engine.schema.Schemas.expression;
import static dev.junction.engine.schema.Schemas.integer;
import static dev.junction.engine.schema.Schemas.oneOf;
import static dev.junction.engine.schema.Schemas.secret;
import static dev.junction.engine.schema.Schemas.string;
import static dev.junction.engine.schema.Schemas.titled;
import static org.assertj.core.api.Assertions.assertThat;

/** A form generated from a schema built here (no connector has dependent settings yet). */
class SchemaFormTest {

    /** An HTTP-like connection: how it authenticates decides which of the other settings apply. */
    private static final Map<String, Object> SCHEMA = Schemas.object()
            .required("baseUrl", titled("Base URL", defaulting("https://api.example",
                    Schemas.with(string("Where the API is"), "format", "uri"))))
            .required("auth", titled("Authentication", defaulting("none", Schemas.named(List.of("No authentication",
                    "User name and password", "API key in a header"), oneOf("How to sign in", "none", "basic",
                    "apiKey")))))
            .optional("username", titled("User name", dependsOn("auth", List.of("basic"), string(null))))
            .optional("password", titled("Password", dependsOn("auth", List.of("basic"), secret(string(null)))))
            .optional("apiKeyHeader", titled("API key header", dependsOn("auth", List.of("apiKey"),
                    defaulting("X-API-Key", string(null)))))
            .optional("headerPrefix", titled("Header prefix", dependsOn("apiKeyHeader", List.of("Authorization"),
                    string(null))))
            .optional("retries", titled("Retries", integer("How often to retry")))
            .optional("verbose", titled("Verbose", bool(null)))
            .optional("path", titled("Path", expression(string("The path to call"))))
            .build();

    @Test
    void aNewFormStartsFromTheDefaultsAndShowsOnlyTheFieldsWhoseDependencyHolds() {
        SchemaForm form = new SchemaForm(SCHEMA, null, Map.of(), "setting-");

        assertThat(this.<TextField>find(form, "setting-baseUrl").getValue()).isEqualTo("https://api.example");
        assertThat(this.<TextField>find(form, "setting-baseUrl").getLabel()).isEqualTo("Base URL");
        assertThat(this.<TextField>find(form, "setting-baseUrl").getHelperText()).isEqualTo("Where the API is");
        assertThat(this.<TextField>find(form, "setting-baseUrl").isRequiredIndicatorVisible()).isTrue();
        assertThat(this.<TextField>find(form, "setting-retries").isRequiredIndicatorVisible()).isFalse();
        assertThat(this.<Select<String>>find(form, "setting-auth").getValue()).isEqualTo("none");
        assertThat(shown(form, "setting-username")).isFalse();
        assertThat(shown(form, "setting-password")).isFalse();
        assertThat(shown(form, "setting-apiKeyHeader")).isFalse();
        assertThat(form.values()).containsOnlyKeys("baseUrl", "auth", "retries", "verbose", "path");
        assertThat(form.target("username")).isEmpty();
    }

    @Test
    void choosingTheValueAFieldDependsOnShowsItAndItIsSubmittedOnlyWhileShown() {
        SchemaForm form = new SchemaForm(SCHEMA, null, Map.of(), "setting-");
        Select<String> auth = find(form, "setting-auth");

        auth.setValue("basic");
        assertThat(shown(form, "setting-username")).isTrue();
        assertThat(shown(form, "setting-password")).isTrue();
        this.<TextField>find(form, "setting-username").setValue("shop");
        this.<PasswordField>find(form, "setting-password").setValue("s3cret-value");
        assertThat(form.values()).containsEntry("username", "shop");
        assertThat(form.secretValues()).containsEntry("password", "s3cret-value");
        assertThat(form.target("password")).isPresent();

        auth.setValue("apiKey");
        assertThat(shown(form, "setting-username")).isFalse();
        assertThat(form.values()).doesNotContainKey("username").containsEntry("apiKeyHeader", "X-API-Key");
        assertThat(form.secretValues()).isEmpty();
        assertThat(shown(form, "setting-headerPrefix")).isFalse();

        // a chain: headerPrefix depends on apiKeyHeader, which depends on auth
        this.<TextField>find(form, "setting-apiKeyHeader").setValue("Authorization");
        assertThat(shown(form, "setting-headerPrefix")).isTrue();
        auth.setValue("none");
        assertThat(shown(form, "setting-headerPrefix")).isFalse();
        assertThat(form.values()).doesNotContainKeys("apiKeyHeader", "headerPrefix");
    }

    @Test
    void valuesAreTypedAsTheSchemaSaysAndTheExpressionFieldIsMarked() {
        SchemaForm form = new SchemaForm(SCHEMA, Map.of("auth", "none", "retries", "3", "verbose", "true"),
                Map.of(), "setting-");

        assertThat(this.<TextField>find(form, "setting-baseUrl").getValue()).isEmpty(); // an existing value: no default
        assertThat(form.values()).containsEntry("retries", new BigDecimal("3")).containsEntry("verbose", true);
        assertThat(form.textValues()).containsEntry("retries", "3").containsEntry("verbose", "true");
        assertThat(this.<Checkbox>find(form, "setting-verbose").getValue()).isTrue();
        TextField path = find(form, "setting-path");
        assertThat(path.getElement().hasAttribute("data-expression")).isTrue();
        assertThat(path.getHelperText()).startsWith("The path to call").contains("expression");
        assertThat(this.<TextField>find(form, "setting-baseUrl").getElement().hasAttribute("data-expression"))
                .isFalse();
    }

    @Test
    void aStoredSecretIsNotShownAndIsSentOnlyAfterReplace() {
        SchemaForm form = new SchemaForm(SCHEMA, Map.of("auth", "basic"),
                Map.of("password", "Set on 2 Dec 2026 14:03:00 by admin"), "setting-");

        PasswordField password = find(form, "setting-password");
        assertThat(password.isVisible()).isFalse();
        assertThat(password.getValue()).isEmpty();
        assertThat(this.<com.vaadin.flow.component.html.Span>find(form, "secret-state-password").getText())
                .isEqualTo("Set on 2 Dec 2026 14:03:00 by admin");
        assertThat(form.secretValues()).isEmpty(); // left alone: the stored one is kept

        Optional<FieldErrors.Target> target = form.target("password");
        assertThat(target).isPresent();
        target.get().reveal().run(); // a problem with it opens the field, as "Replace" does
        assertThat(password.isVisible()).isTrue();
        assertThat(form.secretValues()).containsEntry("password", "");
    }

    @Test
    void fieldErrorsPutAFieldRelativeProblemAfterTheFieldsLabel() {
        SchemaForm form = new SchemaForm(SCHEMA, null, Map.of(), "setting-");
        StringBuilder formError = new StringBuilder();
        FieldErrors errors = new FieldErrors().under("settings.", form::target).otherwise(formError::append);

        errors.showRelative("settings.baseUrl", "must be an http or https URL");
        errors.showRelative("settings.username", "is required"); // hidden now: not on a field
        TextField baseUrl = find(form, "setting-baseUrl");
        assertThat(baseUrl.isInvalid()).isTrue();
        assertThat(baseUrl.getErrorMessage()).isEqualTo("Base URL must be an http or https URL");
        assertThat(formError).hasToString("settings.username is required");

        errors.clear();
        assertThat(baseUrl.isInvalid()).isFalse();
    }

    @Test
    void aChoiceIsShownByItsWordsAndKeepsItsValue() {
        SchemaForm form = new SchemaForm(SCHEMA, Map.of("auth", "basic"), Map.of(), "setting-");
        Select<String> auth = find(form, "setting-auth");

        assertThat(auth.getListDataView().getItems().map(auth.getItemLabelGenerator()))
                .containsExactly("No authentication", "User name and password", "API key in a header");
        assertThat(auth.getValue()).isEqualTo("basic");
        auth.setValue("apiKey");
        assertThat(form.values()).containsEntry("auth", "apiKey");
        assertThat(form.textValues()).containsEntry("auth", "apiKey");
    }

    @Test
    void aSummaryShowsEachFieldByItsTitleAndEachChoiceByItsWordsWithoutSecrets() {
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        values.put("auth", "apiKey");
        values.put("password", "hunter2");
        values.put("retries", 3);
        values.put("unknown", "as is");

        assertThat(SchemaForm.summary(SCHEMA, values))
                .isEqualTo("Authentication: API key in a header, Retries: 3, unknown: as is");
    }

    @Test
    void aChoiceWithoutWordsIsShownByItsValues() {
        SchemaForm form = new SchemaForm(Schemas.object().required("mode", oneOf("How", "plain", "loud")).build(),
                null, Map.of(), "setting-");
        Select<String> mode = find(form, "setting-mode");

        assertThat(mode.getListDataView().getItems().map(mode.getItemLabelGenerator()))
                .containsExactly("plain", "loud");
    }

    @SuppressWarnings("unchecked")
    private <T extends Component> T find(Component root, String id) {
        return (T) descendants(root).filter(component -> id.equals(component.getId().orElse(null))).findFirst()
                .orElseThrow(() -> new AssertionError("no component with id " + id));
    }

    /** Shown: the component and every parent up to the form are visible. */
    private boolean shown(SchemaForm form, String id) {
        Component component = find(form, id);
        while (component != null && component != form) {
            if (!component.isVisible()) {
                return false;
            }
            component = component.getParent().orElse(null);
        }
        return true;
    }

    private static java.util.stream.Stream<Component> descendants(Component root) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(root),
                root.getChildren().flatMap(SchemaFormTest::descendants));
    }
}

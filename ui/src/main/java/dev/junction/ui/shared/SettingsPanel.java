package dev.junction.ui.shared;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;

/**
 * The settings part of a dialog that saves settings and secrets (a connection, an alert channel): a heading and a
 * {@link SchemaForm} of the settings schema — secret fields write-only, a stored one showing when and by whom it was
 * set, an untouched one not sent — and the line for a problem that names no field. The service's problems about
 * {@code settings.<field>} and {@code secrets.<field>} are shown on those fields ({@link #showProblemsOf}).
 */
public final class SettingsPanel extends Div {

    private final String fieldIdPrefix;
    private final Div settings = new Div();
    private final Span formError = new Span();
    private SchemaForm form;

    /**
     * Empty until {@link #show}; ids {@code <idPrefix>-settings} and {@code <idPrefix>-form-error}, the fields'
     * ids start with {@code fieldIdPrefix}.
     */
    public SettingsPanel(String idPrefix, String fieldIdPrefix) {
        this.fieldIdPrefix = fieldIdPrefix;
        settings.setId(idPrefix + "-settings");
        formError.setId(idPrefix + "-form-error");
        formError.addClassName("form-error");
        formError.setVisible(false);
        add(settings, formError);
    }

    /** "Set on 2 Dec 2026 14:03:00 by admin": how a stored secret is shown. */
    public static String setOn(OffsetDateTime setAt, String setBy) {
        return "Set on " + Times.when(setAt) + " by " + setBy;
    }

    /**
     * Shows the form of {@code schema} under the heading {@code title} (none when the schema has no fields),
     * filled with {@code values} (null: the schema's defaults); {@code storedSecrets} maps each stored secret to
     * its {@link #setOn} text.
     */
    public void show(String title, Map<String, Object> schema, Map<String, ?> values,
                     Map<String, String> storedSecrets) {
        clear();
        form = new SchemaForm(schema, values, storedSecrets, fieldIdPrefix);
        if (!form.isEmpty()) {
            H4 heading = new H4(title);
            heading.addClassName("form-section-heading");
            settings.add(heading);
        }
        settings.add(form);
    }

    /** No form (no kind or connector chosen). */
    public void clear() {
        settings.removeAll();
        form = null;
    }

    /** Routes {@code errors}' problems about settings and secrets to their fields, any other to the form line. */
    public FieldErrors showProblemsOf(FieldErrors errors) {
        return errors.under("settings.", this::target).under("secrets.", this::target)
                .otherwise(this::showFormError);
    }

    /** Clears the problems shown before a new save. */
    public void clearProblems() {
        if (form != null) {
            form.clearErrors();
        }
        formError.setVisible(false);
    }

    /** A problem that names no field. */
    public void showFormError(String message) {
        formError.setText(message);
        formError.setVisible(true);
    }

    /** The settings as typed values (see {@link SchemaForm#values()}); empty without a form. */
    public Map<String, Object> values() {
        return form == null ? Map.of() : form.values();
    }

    /** The settings as text (see {@link SchemaForm#textValues()}); empty without a form. */
    public Map<String, String> textValues() {
        return form == null ? Map.of() : form.textValues();
    }

    /** The secrets to send: typed or replaced ones only (see {@link SchemaForm#secretValues()}). */
    public Map<String, String> secretValues() {
        return form == null ? Map.of() : form.secretValues();
    }

    private Optional<FieldErrors.Target> target(String property) {
        return form == null ? Optional.empty() : form.target(property);
    }
}

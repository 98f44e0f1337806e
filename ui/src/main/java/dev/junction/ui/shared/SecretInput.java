package dev.junction.ui.shared;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.PasswordField;

import java.util.Optional;

/**
 * A write-only field ({@code x-secret}). Without a stored value it is a password field; with one it shows when and
 * by whom it was set and a "Replace" button that reveals an empty password field. The stored value never reaches
 * the browser; an untouched field is not sent, so the service keeps the stored value.
 */
public final class SecretInput extends Div {

    private final PasswordField input = new PasswordField();
    private final boolean stored;
    private final Button replace = new Button("Replace");
    private final Button keep = new Button("Keep the current value");

    /** {@code storedState} is "Set on 2 Dec 2026 14:03:00 by admin" for a stored value, null when none is stored. */
    SecretInput(String name, String label, String help, boolean required, String storedState, String id) {
        this.stored = storedState != null;
        input.setId(id);
        input.setWidthFull();
        input.setRequiredIndicatorVisible(required);
        input.setManualValidation(true); // the service decides what is valid
        input.setHelperText(help == null ? "Stored encrypted; never shown again."
                : help + " · Stored encrypted; never shown again.");
        input.getElement().setAttribute("autocomplete", "new-password");
        addClassName("secret-setting");
        setWidthFull();
        if (!stored) {
            input.setLabel(label);
            add(input);
            return;
        }
        input.setLabel("New " + lowerFirst(label));
        input.setVisible(false);
        Span state = new Span(storedState);
        state.setId("secret-state-" + name);
        replace.setId("replace-" + name);
        replace.addThemeVariants(ButtonVariant.LUMO_SMALL);
        replace.setAriaLabel("Replace " + label);
        replace.addClickListener(click -> reveal());
        keep.setId("keep-" + name);
        keep.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        keep.setVisible(false);
        keep.addClickListener(click -> {
            input.clear();
            input.setInvalid(false);
            input.setVisible(false);
            keep.setVisible(false);
            replace.setVisible(true);
        });
        HorizontalLayout row = new HorizontalLayout(state, replace, keep);
        row.setAlignItems(FlexComponent.Alignment.CENTER);
        add(Captioned.of(label, row), input);
    }

    PasswordField input() {
        return input;
    }

    /** Opens the field for a new value (after "Replace", or to show a problem with it). */
    public void reveal() {
        if (stored && !input.isVisible()) {
            input.setVisible(true);
            replace.setVisible(false);
            keep.setVisible(true);
            input.focus();
        }
    }

    /**
     * The value to send: a typed value; nothing for an empty field that was never set (the service says when it is
     * required); an empty value for a revealed "Replace" (the service then says what it must be).
     */
    public Optional<String> valueToSend() {
        String typed = input.getValue();
        if (stored) {
            return input.isVisible() ? Optional.of(typed) : Optional.empty();
        }
        return typed.isEmpty() ? Optional.empty() : Optional.of(typed);
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() || text.length() > 1 && Character.isUpperCase(text.charAt(1)) ? text
                : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}

package dev.junction.ui.account;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import dev.junction.backend.tokens.CreatedApiToken;
import dev.junction.ui.shared.Notifications;

/**
 * Shows a new API token, the one time it is ever shown, read-only with a copy button and the warning that it will
 * not be shown again. Closing the dialog clears the field and removes the dialog from the page, so that the token
 * is no longer in the browser's page.
 */
class CreatedTokenDialog extends Dialog {

    private final TextField token = new TextField("Your new API token");

    CreatedTokenDialog(CreatedApiToken created) {
        setHeaderTitle("API token '" + created.name() + "' created");
        setCloseOnOutsideClick(false);
        setWidth("40em");

        token.setId("created-token");
        token.setReadOnly(true);
        token.setAutoselect(true);
        token.setValue(created.token());
        token.addClassName("monospace");
        Button copy = new Button("Copy", VaadinIcon.COPY_O.create(), click -> copy());
        copy.setId("copy-token");
        copy.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout value = new HorizontalLayout(token, copy);
        value.setWidthFull();
        value.setAlignItems(FlexComponent.Alignment.BASELINE);
        value.expand(token);

        Paragraph warning = new Paragraph("Copy it now and keep it like a password: it will not be shown again."
                + " Junction keeps only a hash of it; if you lose it, revoke it and create another.");
        warning.setId("created-token-warning");
        warning.addClassName("error-text");
        Paragraph use = new Paragraph("Programs send it to the REST API (/api/v1/…) in the header"
                + " \"Authorization: Bearer jn_…\"; it acts as you, with your roles.");
        use.addClassName("hint");
        add(value, warning, use);

        Button done = new Button("I have copied it, close", click -> close());
        done.setId("close-token");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(done);
        addOpenedChangeListener(event -> {
            if (!event.isOpened()) {
                token.clear();
                removeAll();
            }
        });
    }

    /**
     * Copies the field's value in the browser (the clipboard API is there only on https or localhost); where the
     * browser refuses, selects the text so that the user copies it with the keyboard.
     */
    private void copy() {
        token.getElement().executeJs("""
                        const field = this;
                        return (async () => {
                          try { await navigator.clipboard.writeText(field.value); return true; }
                          catch (e) { field.focus(); field.inputElement.select(); return false; }
                        })();""")
                .then(Boolean.class, copied -> {
                    if (copied) {
                        Notifications.success("Token copied");
                    } else {
                        Notifications.warning("The browser did not allow copying: the token is selected, copy it with"
                                + " Ctrl+C (⌘C).");
                    }
                }, failed -> Notifications.warning("The browser did not allow copying: select the token and copy it."));
    }

}

package dev.junction.ui.workflows;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import dev.junction.backend.api.NotFoundException;
import dev.junction.backend.triggers.WebhookTokens;
import dev.junction.ui.shared.Notifications;

import java.util.UUID;

/**
 * The webhook URL of a workflow whose published version a webhook triggers: shown read-only to copy, with a way to
 * rotate its secret token (the old URL stops working at once). For ADMIN and DESIGNER, who may see the token.
 */
public class WebhookPanel extends HorizontalLayout {

    private final WebhookTokens tokens;
    private final WebhookAddress address;
    private final TextField url = new TextField("Webhook URL");
    private UUID workflowId;

    public WebhookPanel(WebhookTokens tokens, WebhookAddress address) {
        this.tokens = tokens;
        this.address = address;
        setId("webhook");
        setAlignItems(FlexComponent.Alignment.BASELINE);
        setWidthFull();
        url.setReadOnly(true);
        url.setId("webhook-url");
        url.setWidth("48em");
        url.setHelperText("POST a JSON body to this URL to start a run. Keep it secret: the token is the password.");
        url.setAutoselect(true);

        Button copy = new Button("Copy", VaadinIcon.COPY_O.create(), click -> copy());
        copy.setId("copy-webhook-url");
        copy.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Button rotate = new Button("Rotate token…", VaadinIcon.KEY_O.create(), click -> confirmRotate());
        rotate.setId("rotate-webhook-token");
        add(url, copy, rotate);
    }

    /** Shows the workflow's URL, making its token now when it has none. */
    public void show(UUID workflowId) {
        this.workflowId = workflowId;
        url.setValue(address.url(workflowId, tokens.token(workflowId)));
    }

    private void copy() {
        url.getElement().executeJs("return navigator.clipboard.writeText($0)", url.getValue()).then(
                copied -> Notifications.success("Webhook URL copied"),
                failed -> Notifications.warning("The browser did not allow copying; select the URL and copy it."));
    }

    private void confirmRotate() {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader("Rotate the webhook token?");
        confirm.setText("The current URL stops working at once; whoever sends to it needs the new URL.");
        confirm.setCancelable(true);
        confirm.setConfirmText("Rotate");
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(confirmed -> {
            try {
                url.setValue(address.url(workflowId, tokens.rotate(workflowId)));
                Notifications.success("Webhook token rotated; the old URL no longer works");
            } catch (NotFoundException e) {
                Notifications.error(e.getMessage());
            }
        });
        confirm.open();
    }

}

package dev.junction.ui.reconciliation;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import dev.junction.backend.api.InvalidInputException;
import dev.junction.db.reconciliation.RunRows;

import java.util.function.Consumer;

/** Resolves one discrepancy with a note saying why (the note, who and when are kept and audited). */
final class ResolveDialog extends Dialog {

    ResolveDialog(RunRows.Discrepancy discrepancy, Consumer<String> resolve) {
        setHeaderTitle("Resolve: " + DiscrepancyGrid.label(discrepancy.kind())
                + (discrepancy.orderId() == null ? "" : " · " + discrepancy.orderId()));
        setId("resolve-dialog");
        setWidth("32em");
        TextArea note = new TextArea("Note");
        note.setId("resolve-note");
        note.setWidthFull();
        note.setMaxLength(2000);
        note.setPlaceholder("Why this is settled, e.g. refunded by cheque, ticket FIN-123");
        note.setRequired(true);
        if (discrepancy.resolutionNote() != null) {
            note.setValue(discrepancy.resolutionNote());
        }
        add(new Paragraph(discrepancy.message()), note);
        Button confirm = new Button("Resolve", click -> {
            try {
                resolve.accept(note.getValue());
                close();
            } catch (InvalidInputException e) {
                note.setErrorMessage(e.problems().getFirst().message());
                note.setInvalid(true);
            }
        });
        confirm.setId("confirm-resolve");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", click -> close());
        getFooter().add(cancel, confirm);
        note.focus();
    }
}

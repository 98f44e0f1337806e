package dev.junction.ui.runs;

import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import dev.junction.backend.api.ConflictException;
import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.runs.RunService;
import dev.junction.backend.runs.RunService.BulkReplay;
import dev.junction.db.runs.ReplayMode;
import dev.junction.db.runs.RunFilter;
import dev.junction.ui.shared.Notifications;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Asks how to replay every dead-lettered run that matches the list's filters (saying first how many that is: the
 * dry run) and at how many replays a second, replays them on confirmation, and says how many were replayed and why
 * any were not.
 */
class BulkReplayDialog extends ConfirmDialog {

    private static final int REASONS_SHOWN = 3;

    private final RadioButtonGroup<ReplayMode> mode = new RadioButtonGroup<>("Replay");
    private final IntegerField rate = new IntegerField("Replays per second");

    BulkReplayDialog(RunService runs, RunFilter filter, Consumer<BulkReplay> done) {
        setHeader("Replay the dead-lettered runs shown?");
        int count = runs.countMatching(filter, RunService.BULK_REPLAY_MAX);
        Paragraph dryRun = new Paragraph(count + (count == 1 ? " run" : " runs") + " will be replayed.");
        dryRun.setId("bulk-replay-count");
        dryRun.getElement().setAttribute("data-count", String.valueOf(count));
        rate.setId("bulk-replay-rate");
        rate.setMin(1);
        rate.setStepButtonsVisible(true);
        rate.setValue(runs.defaultReplayRate());
        rate.setHelperText("At most this many replays start each second, so a large replay does not flood a"
                + " connector.");
        mode.setItems(ReplayMode.values());
        mode.setItemLabelGenerator(ReplayModes::label);
        mode.setValue(ReplayMode.FAILED_STEP);
        mode.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        mode.setId("bulk-replay-mode");
        Paragraph what = new Paragraph("Every dead-lettered run that matches the filters is replayed, oldest first"
                + " (at most " + RunService.BULK_REPLAY_MAX + "), including any not loaded into the list yet.");
        VerticalLayout content = new VerticalLayout(dryRun, what, mode, rate);
        content.setPadding(false);
        setText(content);
        setCancelable(true);
        setConfirmText("Replay");
        setConfirmButtonTheme("error primary");
        addConfirmListener(confirmed -> replay(runs, filter, done));
    }

    private void replay(RunService runs, RunFilter filter, Consumer<BulkReplay> done) {
        try {
            BulkReplay result = runs.replayMatching(filter, mode.getValue(), RunService.BULK_REPLAY_MAX,
                    rate.getValue());
            String message = result.replayed().size() + " of " + result.matched() + " dead-lettered runs replayed "
                    + ReplayModes.label(mode.getValue()).toLowerCase(Locale.UK) + ".";
            if (!result.refused().isEmpty()) {
                message += " Not replayed: " + result.refused().entrySet().stream().limit(REASONS_SHOWN)
                        .map(refused -> refused.getKey().substring(0, 8) + "… " + refused.getValue())
                        .collect(Collectors.joining("; "))
                        + (result.refused().size() > REASONS_SHOWN ? "; …" : "");
            }
            if (result.refused().isEmpty()) {
                Notifications.success(message);
            } else {
                Notifications.warning(message);
            }
            done.accept(result);
        } catch (ConflictException | InvalidInputException e) {
            Notifications.error("Nothing replayed: " + e.getMessage());
        }
    }
}

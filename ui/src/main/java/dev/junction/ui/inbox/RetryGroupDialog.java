package dev.junction.ui.inbox;

import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.textfield.IntegerField;
import dev.junction.backend.api.ConflictException;
import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.errors.ErrorGroupService;
import dev.junction.backend.runs.RunService;
import dev.junction.db.runs.ReplayMode;
import dev.junction.ui.shared.Notifications;

import java.util.UUID;

/**
 * "Retry all" of an error group: says first how many runs will be replayed (the dry run), asks how (the replay mode)
 * and how fast (replays per second), then replays them; the replays wait in the Retries tab until their turn.
 */
class RetryGroupDialog extends ConfirmDialog {

    private final RadioButtonGroup<ReplayMode> mode = new RadioButtonGroup<>("Replay");
    private final IntegerField rate = new IntegerField("Replays per second");

    RetryGroupDialog(ErrorGroupService groups, RunService runs, UUID groupId, Runnable done) {
        setId("retry-group-dialog");
        setHeader("Retry every run of this group?");
        int count = groups.retry(groupId, ReplayMode.FAILED_STEP, null, true).replayable();
        Paragraph dryRun = new Paragraph(count + (count == 1 ? " run" : " runs") + " will be replayed.");
        dryRun.setId("retry-group-count");
        dryRun.getElement().setAttribute("data-count", String.valueOf(count));
        mode.setItems(ReplayMode.values());
        mode.setItemLabelGenerator(mode -> switch (mode) {
            case FAILED_STEP -> "From the failed step";
            case START -> "From the start";
            case LATEST_VERSION -> "On the latest published version";
        });
        mode.setValue(ReplayMode.FAILED_STEP);
        mode.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        mode.setId("retry-group-mode");
        rate.setId("retry-group-rate");
        rate.setMin(1);
        rate.setStepButtonsVisible(true);
        rate.setValue(runs.defaultReplayRate());
        rate.setHelperText("At most this many replays start each second.");
        VerticalLayout content = new VerticalLayout(dryRun, mode, rate);
        content.setPadding(false);
        setText(content);
        setCancelable(true);
        setConfirmText("Retry all");
        addConfirmListener(confirmed -> {
            try {
                ErrorGroupService.GroupRetry retry = groups.retry(groupId, mode.getValue(), rate.getValue(), false);
                Notifications.success(retry.replay().replayed().size() + " of " + retry.replay().matched()
                        + " runs replayed at " + retry.replay().ratePerSecond() + " a second.");
                done.run();
            } catch (ConflictException | InvalidInputException e) {
                Notifications.error("Nothing replayed: " + e.getMessage());
            }
        });
    }
}

package dev.junction.ui.runs;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.router.QueryParameters;
import dev.junction.backend.api.NotFoundException;
import dev.junction.backend.workflows.RunDebugPins;
import dev.junction.db.runs.RunSummary;
import dev.junction.ui.shell.Routes;
import dev.junction.ui.shared.Notifications;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The "Debug in editor" button of a run (the run page, an error group's runs): pins the run's data in its workflow
 * ({@link RunDebugPins}) and opens the designer with the run drawn over the canvas and a banner saying so. Shown only
 * to those who may pin (designer, admin): for others it is not there at all.
 */
@Component
public class DebugInEditor {

    /** {@code ?debug=true} next to {@code ?run=}: the designer says the run's data is pinned. */
    public static final String DEBUG_PARAMETER = "debug";

    private final RunDebugPins pins;

    DebugInEditor(RunDebugPins pins) {
        this.pins = pins;
    }

    /** Makes {@code button} pin the run {@code run} names when clicked (hidden for those who may not pin). */
    public void configure(Button button, Supplier<RunSummary> run) {
        button.getElement().setAttribute("data-testid", "debug-in-editor");
        button.setTooltipText("Open the workflow in the designer with this run's trigger payload and step outputs"
                + " pinned (redacted as shown here)");
        button.setVisible(RunPermissions.mayPin());
        button.addClickListener(click -> open(run.get().id()));
    }

    /** Pins run {@code runId}'s data and goes to the designer. */
    public void open(UUID runId) {
        try {
            RunDebugPins.Pinned pinned = pins.pinRun(runId);
            Notifications.success(pinned.summary());
            UI.getCurrent().navigate(Routes.workflow(pinned.workflowId()), QueryParameters.simple(Map.of(
                    "run", runId.toString(), DEBUG_PARAMETER, "true")));
        } catch (NotFoundException e) {
            Notifications.error(e.getMessage());
        }
    }
}

package dev.junction.ui.runs;

import com.vaadin.flow.component.html.Anchor;
import dev.junction.backend.runs.RunService;
import dev.junction.ui.shell.Routes;

import java.util.Optional;
import java.util.UUID;

/**
 * {@code [data-testid=replay-of]} on a run's page: where the run came from. An edited retry is a new run: the link
 * opens its original ({@code data-kind=retry}). A replay re-uses its run (same id, so its steps keep their
 * idempotency keys) in a new round: the link names the run itself and the round of the original attempt
 * ({@code data-kind=replay}, {@code data-generation=1}); the original attempt's steps stay in the steps grid as the
 * first round. Hidden for a run that is neither.
 */
public class ReplayOfLink extends Anchor {

    public ReplayOfLink() {
        getElement().setAttribute("data-testid", "replay-of");
        getElement().setAttribute("router-link", true);
        setVisible(false);
    }

    public void show(RunService runs, UUID runId, int replays) {
        Optional<UUID> original = runs.replayOf(runId);
        if (original.isPresent()) {
            point(original.get(), "retry", "Edited retry of run " + original.get().toString().substring(0, 8));
            getElement().removeAttribute("data-generation");
        } else if (replays > 0) {
            point(runId, "replay", "Replay " + replays + " of this run: the original attempt is round 1 of the steps");
            getElement().setAttribute("data-generation", "1");
        } else {
            setVisible(false);
        }
    }

    private void point(UUID original, String kind, String text) {
        setHref(Routes.run(original));
        setText(text);
        getElement().setAttribute("data-run", original.toString());
        getElement().setAttribute("data-kind", kind);
        setVisible(true);
    }
}

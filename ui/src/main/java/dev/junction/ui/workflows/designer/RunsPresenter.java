package dev.junction.ui.workflows.designer;

import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.api.NotFoundException;
import dev.junction.db.runs.RunDetail;
import dev.junction.ui.workflows.designer.DesignerContract.Problem;
import dev.junction.ui.workflows.designer.DesignerContract.Refused;
import org.springframework.security.access.AccessDeniedException;

import java.util.List;
import java.util.UUID;

/**
 * Runs on one workflow's canvas: the run drawn over it (whose data becomes the designer's sample) and test runs of
 * a saved version, "run to here" included.
 */
public final class RunsPresenter {

    static final String MAY_NOT_RUN = "You may not run this workflow: that needs the operator, designer or admin role.";

    private final DesignerPresenters services;
    private final UUID workflowId;
    private final Refusals refusals;
    /** The run drawn over the canvas (its data is the designer's sample), or null. */
    private UUID shownRunId;

    RunsPresenter(DesignerPresenters services, UUID workflowId, Refusals refusals) {
        this.services = services;
        this.workflowId = workflowId;
        this.refusals = refusals;
    }

    /** The run drawn over the canvas, or null. */
    UUID shownRunId() {
        return shownRunId;
    }

    /**
     * Draws a run of this workflow over the canvas (its data becomes the designer's sample), or clears it (null);
     * answers the overlay (null when cleared).
     */
    public DesignerContract.Overlay showRun(UUID runId) {
        if (runId == null) {
            shownRunId = null;
            return null;
        }
        RunDetail detail = run(runId);
        shownRunId = runId;
        return RunOverlays.of(detail, services.versions.get(workflowId, detail.run().workflowVersion()).definition());
    }

    /**
     * Starts a test run of the saved version {@code version} (published or not) with {@code input} (null: the
     * pinned trigger sample, else {}); {@code untilNodeId} stops it after that node ("run to here"). Started, the
     * run is the one shown over the canvas. A refusal names the problem; a role that may not run is recorded like
     * the other refused designer calls.
     */
    public DesignerContract.StartResult testRun(Integer version, Object input, String untilNodeId) {
        if (version == null) {
            return new Refused("Name the saved version to test", List.of());
        }
        try {
            UUID runId = services.runs.startTest(workflowId, version, input, untilNodeId);
            shownRunId = runId;
            return new DesignerContract.Started(runId.toString());
        } catch (AccessDeniedException e) {
            refusals.record("testRun");
            return new Refused(MAY_NOT_RUN, List.of());
        } catch (InvalidInputException e) {
            return new Refused(e.getMessage(), e.problems().stream()
                    .map(problem -> new Problem(null, null, problem.field(), problem.message())).toList());
        } catch (NotFoundException e) {
            return new Refused(e.getMessage(), List.of());
        }
    }

    /** The workflow's latest runs (at most {@value #RUN_CHOICES}), newest first, to pick one for a comparison. */
    public List<DesignerContract.RunChoice> recentRuns() {
        return services.runs.list(new dev.junction.db.runs.RunFilter(workflowId, null, null, null, null, null, null),
                        null, RUN_CHOICES).items().stream()
                .map(run -> new DesignerContract.RunChoice(run.id().toString(), run.workflowVersion(), run.status(),
                        run.triggerKind(), run.createdAt().toString()))
                .toList();
    }

    static final int RUN_CHOICES = 20;

    /** The run shown on the canvas against run {@code otherRunId} of this workflow, per node; null when none is shown. */
    public DesignerContract.Comparison compare(UUID otherRunId) {
        if (shownRunId == null) {
            return null;
        }
        RunDetail shown = run(shownRunId);
        RunDetail other = run(otherRunId);
        return RunComparisons.of(shown, overlayOf(shown), other, overlayOf(other));
    }

    private DesignerContract.Overlay overlayOf(RunDetail detail) {
        return RunOverlays.of(detail, services.versions.get(workflowId, detail.run().workflowVersion()).definition());
    }

    /** The shown run's overlay as it is now, or null when none is shown. */
    public DesignerContract.Overlay overlay() {
        return shownRunId == null ? null : showRun(shownRunId);
    }

    /** A run of this workflow (NotFoundException for a run of another one). */
    RunDetail run(UUID runId) {
        RunDetail detail = services.runs.get(runId);
        if (!detail.run().workflowId().equals(workflowId)) {
            throw new NotFoundException("Run " + runId + " is not a run of this workflow");
        }
        return detail;
    }
}

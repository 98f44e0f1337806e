package dev.junction.ui.workflows.designer;

import java.util.UUID;

/**
 * What the designer of one workflow does, without a browser, one presenter per concern: {@link #editing()} (the
 * states the page starts with, checking and saving the working copy), {@link #versions()} (history, diff, restore,
 * publish), {@link #samples()} (pinned samples, a node's data, expressions evaluated on the sample) and
 * {@link #runs()} (the run drawn over the canvas, test runs). Each answers through the same secured, audited
 * services as the REST API (which refuse whatever the browser sends when the user may not); a refused change is
 * recorded in the audit log and answered as {@code refused}, never as a stack trace ({@link Refusals}).
 */
public final class DesignerPresenter {

    private final UUID workflowId;
    private final EditingPresenter editing;
    private final VersionsPresenter versions;
    private final SamplesPresenter samples;
    private final RunsPresenter runs;

    DesignerPresenter(DesignerPresenters services, UUID workflowId) {
        this.workflowId = workflowId;
        Refusals refusals = new Refusals(services.versions, workflowId);
        this.editing = new EditingPresenter(services, workflowId, refusals);
        this.versions = new VersionsPresenter(services, workflowId, refusals, editing);
        this.runs = new RunsPresenter(services, workflowId, refusals);
        this.samples = new SamplesPresenter(services, workflowId, refusals, runs);
    }

    public UUID workflowId() {
        return workflowId;
    }

    public EditingPresenter editing() {
        return editing;
    }

    public VersionsPresenter versions() {
        return versions;
    }

    public SamplesPresenter samples() {
        return samples;
    }

    public RunsPresenter runs() {
        return runs;
    }
}

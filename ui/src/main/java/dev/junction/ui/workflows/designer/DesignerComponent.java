package dev.junction.ui.workflows.designer;

import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.CssImport;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.component.react.ReactAdapterComponent;
import dev.junction.backend.workflows.StoredDefinition;

import java.util.UUID;

import static dev.junction.ui.shared.ChannelJson.answer;
import static dev.junction.ui.shared.ChannelJson.read;


/**
 * The workflow designer ({@code designer/workflow-designer.tsx}, React Flow underneath) as a Flow component.
 * Java → React through named states: {@code document}, {@code problems} (of that document), {@code workflow},
 * {@code catalog}, {@code connections}, {@code options}, {@code permissions}, {@code samples}, {@code overlay} (shapes
 * in {@code designer/contract.ts}). React → Java through
 * {@code @ClientCallable} methods called at commit points (typed in {@code designer/server.ts}); each takes and answers
 * JSON text.
 */
@Tag("workflow-designer")
@JsModule("./designer/workflow-designer.tsx")
@NpmPackage(value = "@xyflow/react", version = "12.12.1")
@NpmPackage(value = "zustand", version = "5.1.0")
@NpmPackage(value = "elkjs", version = "0.12.2")
@NpmPackage(value = "@codemirror/state", version = "6.7.6")
@NpmPackage(value = "@codemirror/view", version = "6.44.2")
@NpmPackage(value = "@codemirror/commands", version = "6.11.2")
@NpmPackage(value = "@codemirror/language", version = "6.13.1")
@NpmPackage(value = "@codemirror/autocomplete", version = "6.20.4")
@NpmPackage(value = "@codemirror/lint", version = "6.9.8")
@NpmPackage(value = "@codemirror/lang-json", version = "6.0.2")
@NpmPackage(value = "@codemirror/lang-javascript", version = "6.2.5")
@NpmPackage(value = "axe-core", version = "4.14.1")
@CssImport("@xyflow/react/dist/style.css")
public class DesignerComponent extends ReactAdapterComponent implements HasSize {

    private final UUID workflowId;
    private final EditingPresenter editing;
    private final VersionsPresenter versions;
    private final SamplesPresenter samples;
    private final RunsPresenter runs;

    /** The designer of the presenter's workflow, with every state the page starts with. */
    public DesignerComponent(DesignerPresenter presenter) {
        this.workflowId = presenter.workflowId();
        this.editing = presenter.editing();
        this.versions = presenter.versions();
        this.samples = presenter.samples();
        this.runs = presenter.runs();
        EditingPresenter.Opening opening = editing.opening();
        setState("document", opening.document());
        setState("problems", opening.problems());
        setState("workflow", editing.workflow());
        setState("catalog", editing.catalog());
        setState("connections", editing.connections());
        setState("options", editing.options());
        setState("permissions", editing.permissions());
        setState("publishGate", editing.publishGate());
        setState("samples", samples.pinned());
        setState("overlay", null);
        getElement().addEventListener("designer-drawn", event -> drawn());
    }

    /**
     * Runs {@code action} once the canvas has drawn the workflow (the page's {@code designer-drawn} event, sent when
     * the canvas is ready), or at once if it already has: what the page around the designer reads for itself waits
     * until the designer's first drawing is done.
     */
    public void whenDrawn(Runnable action) {
        if (drawn) {
            action.run();
        } else {
            afterDrawing.add(action);
        }
    }

    private boolean drawn;
    private final java.util.List<Runnable> afterDrawing = new java.util.ArrayList<>();

    private void drawn() {
        if (drawn) {
            return;
        }
        drawn = true;
        java.util.List<Runnable> waiting = java.util.List.copyOf(afterDrawing);
        afterDrawing.clear();
        waiting.forEach(Runnable::run);
    }

    /**
     * Listens to versions saved, published or restored here (the page around the designer shows the version): the
     * listener gets the version saved here, as the save read and validated it (null after a publish, or a save it
     * does not hand over: read the latest version then).
     */
    public void addChangeListener(java.util.function.Consumer<StoredDefinition> listener) {
        changeListeners.add(listener);
    }

    private final java.util.List<java.util.function.Consumer<StoredDefinition>> changeListeners =
            new java.util.ArrayList<>();

    @ClientCallable
    public String validate(String document) {
        return answer(editing.validate(text(document)));
    }

    @ClientCallable
    public String save(String document, String baseVersion, String comment) {
        EditingPresenter.Saving saving = editing.savingWorkingCopy(text(document), read(baseVersion, Integer.class),
                read(comment, String.class));
        if (saving.saved() != null) {
            changed(saving.saved());
        }
        return answer(saving.answer());
    }

    @ClientCallable
    public String publish(String version) {
        Integer number = read(version, Integer.class);
        DesignerContract.PublishResult result = number == null
                ? new DesignerContract.Refused("Name the version to publish", java.util.List.of())
                : versions.publish(number);
        if (result instanceof DesignerContract.Published) {
            changed();
        }
        return answer(result);
    }

    /**
     * The input and output schemas of operations (JSON: a list of {@code {connector, operation}}); the catalog the page
     * opens with leaves them out. Unknown operations are left out of the answer.
     */
    @ClientCallable
    public String operationSchemas(String operations) {
        DesignerContract.OperationKey[] keys = read(operations, DesignerContract.OperationKey[].class);
        return answer(editing.operationSchemas(keys == null ? java.util.List.of() : java.util.Arrays.asList(keys)));
    }

    @ClientCallable
    public String versions() {
        return answer(versions.list());
    }

    @ClientCallable
    public String diff(String from, String to) {
        Integer before = read(from, Integer.class);
        Integer after = read(to, Integer.class);
        if (before == null || after == null) {
            return answer(new DesignerContract.Refused("Name two versions to compare", java.util.List.of()));
        }
        try {
            return answer(versions.diff(before, after));
        } catch (dev.junction.backend.api.NotFoundException e) {
            return answer(new DesignerContract.Refused(e.getMessage(), java.util.List.of()));
        }
    }

    @ClientCallable
    public String restore(String version, String baseVersion) {
        Integer number = read(version, Integer.class);
        if (number == null) {
            return answer(new DesignerContract.Refused("Name the version to restore", java.util.List.of()));
        }
        EditingPresenter.Saving saving = versions.restoring(number, read(baseVersion, Integer.class));
        if (saving.saved() != null) {
            changed(saving.saved());
        }
        return answer(saving.answer());
    }

    /** Pins {@code sample} (JSON; null unpins) on the port; answers null, or {@code refused} with why not. */
    @ClientCallable
    public String pin(String nodeId, String port, String sample) {
        Object value;
        try {
            value = sample == null ? null : dev.junction.engine.json.PayloadJson.read(sample);
        } catch (IllegalArgumentException e) {
            return answer(new DesignerContract.Refused("The sample is not JSON: " + e.getMessage(), java.util.List.of()));
        }
        java.util.Optional<DesignerContract.Refused> refused = samples.pin(read(nodeId, String.class),
                read(port, String.class), value);
        if (refused.isEmpty()) {
            setState("samples", samples.pinned());
        }
        return answer(refused.orElse(null));
    }

    @ClientCallable
    public String evaluate(String expression, String nodeId, String document) {
        return answer(samples.evaluate(read(expression, String.class), read(nodeId, String.class), text(document)));
    }

    @ClientCallable
    public String cronPreview(String cron, String zone) {
        return answer(samples.cronPreview(read(cron, String.class), read(zone, String.class)));
    }

    /** The workflow's latest runs, to pick one to compare with the run on the canvas. */
    @ClientCallable
    public String recentRuns() {
        return answer(runs.recentRuns());
    }

    /** The run on the canvas against another run of this workflow (JSON: its id), per node; null when none is shown. */
    @ClientCallable
    public String compareRuns(String otherRunId) {
        try {
            return answer(runs.compare(java.util.UUID.fromString(read(otherRunId, String.class))));
        } catch (IllegalArgumentException | NullPointerException | dev.junction.backend.api.NotFoundException e) {
            return answer(new DesignerContract.Refused("No such run of this workflow", java.util.List.of()));
        }
    }

    /** "Run this step" (JSON: the node id, the working copy): the step alone on the designer's sample data. */
    @ClientCallable
    public String runStep(String nodeId, String document) {
        return answer(samples.runStep(read(nodeId, String.class), text(document)));
    }

    /** Draws a run of this workflow over the canvas (JSON: its id, or null to clear); refreshed while it is active. */
    @ClientCallable
    public String showRun(String runId) {
        try {
            String id = read(runId, String.class);
            show(id == null ? null : runs.showRun(java.util.UUID.fromString(id)));
            return answer(null);
        } catch (IllegalArgumentException | dev.junction.backend.api.NotFoundException e) {
            return answer(new DesignerContract.Refused("No such run of this workflow", java.util.List.of()));
        }
    }

    /**
     * Starts a test run of a saved version (JSON: the version, the input or null, the node to stop after or null);
     * started, its overlay is drawn and follows the run live.
     */
    @ClientCallable
    public String testRun(String version, String input, String untilNodeId) {
        Object value;
        try {
            value = text(input) == null ? null : dev.junction.engine.json.PayloadJson.read(input);
        } catch (IllegalArgumentException e) {
            return answer(new DesignerContract.Refused("The input is not JSON: " + e.getMessage(), java.util.List.of()));
        }
        DesignerContract.StartResult result = runs.testRun(read(version, Integer.class), value,
                read(untilNodeId, String.class));
        if (result instanceof DesignerContract.Started) {
            show(runs.overlay());
        }
        return answer(result);
    }

    /**
     * Makes a stored mapping for a map node (JSON: the node id, the working copy, its base version) and, when the
     * workflow saved with the node naming it, opens the mapping editor on it with the node's context.
     */
    @ClientCallable
    public String newMappingFromNode(String nodeId, String document, String baseVersion) {
        String node = read(nodeId, String.class);
        DesignerContract.NewMappingResult result = editing.newMappingFromNode(node, text(document),
                read(baseVersion, Integer.class));
        if (result instanceof DesignerContract.MappingCreated created
                && created.saved() instanceof DesignerContract.Saved) {
            changeListeners.forEach(listener -> listener.accept(null));
            openMappingEditor(java.util.UUID.fromString(created.mappingId()), node);
        }
        return answer(result);
    }

    /** Opens the mapping editor on stored mapping {@code mappingId} (JSON text) from map node {@code nodeId}. */
    @ClientCallable
    public String openMapping(String mappingId, String nodeId) {
        try {
            openMappingEditor(java.util.UUID.fromString(read(mappingId, String.class)), read(nodeId, String.class));
            return answer(null);
        } catch (IllegalArgumentException | NullPointerException e) {
            return answer(new DesignerContract.Refused("No such mapping", java.util.List.of()));
        }
    }

    private void openMappingEditor(java.util.UUID mappingId, String nodeId) {
        getUI().ifPresent(ui -> ui.navigate(dev.junction.ui.shell.Routes.mapping(mappingId),
                dev.junction.ui.shell.Routes.fromNode(workflowId, nodeId)));
    }

    /** Shows a run of this workflow over the canvas (the page's {@code ?run=} parameter). */
    public void showRun(java.util.UUID runId) {
        show(runs.showRun(runId));
    }

    @ClientCallable
    public String nodeData(String nodeId, String runId) {
        try {
            String run = read(runId, String.class);
            return answer(samples.nodeData(read(nodeId, String.class),
                    run == null ? null : java.util.UUID.fromString(run)));
        } catch (IllegalArgumentException | dev.junction.backend.api.NotFoundException e) {
            return answer(new DesignerContract.Refused("No such run of this workflow", java.util.List.of()));
        }
    }

    private com.vaadin.flow.shared.Registration refreshing;

    private void show(DesignerContract.Overlay overlay) {
        setState("overlay", overlay);
        boolean active = RunOverlays.active(overlay);
        // the view opens a run (?run=) before this component is attached: then the current UI is the one to poll
        java.util.Optional.ofNullable(getUI().orElseGet(com.vaadin.flow.component.UI::getCurrent)).ifPresent(ui -> {
            if (active && refreshing == null) {
                refreshing = ui.addPollListener(poll -> show(runs.overlay()));
            }
            if (active) {
                // set (again) just before the answer goes out: the poll interval is one per page, and a view left in
                // the same round trip (the run page, which follows its run too) turns it off when it is detached,
                // after this view was built, which left the canvas on the run as it was when that page was left
                ui.beforeClientResponse(this, context -> {
                    if (refreshing != null) {
                        context.getUI().setPollInterval(REFRESH_MILLIS);
                    }
                });
            } else if (!active && refreshing != null) {
                refreshing.remove();
                refreshing = null;
                ui.setPollInterval(-1);
            }
        });
    }

    static final int REFRESH_MILLIS = 1000;

    /** Stops following a run when the page goes (the UI would poll for nothing). */
    @Override
    protected void onDetach(com.vaadin.flow.component.DetachEvent detach) {
        super.onDetach(detach);
        if (refreshing != null) {
            refreshing.remove();
            refreshing = null;
            detach.getUI().setPollInterval(-1);
        }
    }

    private void changed() {
        setState("workflow", editing.workflow());
        refreshPublishGate();
        changeListeners.forEach(listener -> listener.accept(null));
    }

    /** After a save here: what redraws is handed the version saved, not reading and validating it again. */
    private void changed(StoredDefinition saved) {
        setState("workflow", editing.workflow());
        setState("publishGate", editing.publishGate(saved));
        changeListeners.forEach(listener -> listener.accept(saved));
    }

    /** Reads again what keeps the latest version from going live (after the go-live checklist changed). */
    public void refreshPublishGate() {
        setState("publishGate", editing.publishGate());
    }

    /** An argument that is a JSON document, as text for the services (JSON null: none). */
    private static String text(String json) {
        return json == null || "null".equals(json.strip()) ? null : json;
    }
}

package dev.junction.ui.shell;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.router.QueryParameters;
import dev.junction.db.runs.RunsQuery;

import java.util.UUID;

/**
 * The one place that knows the UI's routes with parameters, so that a view links to another by its path instead of
 * importing its class (the run view links to its workflow, the workflow view to its runs: importing each other made
 * a circle). The views' {@code @Route} values are these constants.
 */
public final class Routes {

    public static final String WORKFLOW_ID = "id";
    /** One workflow's editor. */
    public static final String WORKFLOW = "workflows/:" + WORKFLOW_ID;
    public static final String MAPPING_ID = "mappingId";
    /** One stored mapping's editor. */
    public static final String MAPPING = "mappings/:" + MAPPING_ID;
    public static final String RUN_ID = "runId";
    /** One run. */
    public static final String RUN = "runs/:" + RUN_ID;
    public static final String RECONCILIATION_RUN_ID = "reconciliationRunId";
    /** One settlement reconciliation run. */
    public static final String RECONCILIATION_RUN = "reconciliation/:" + RECONCILIATION_RUN_ID;

    public static final String TEMPLATE_ID = "templateId";
    /** The template gallery. */
    public static final String TEMPLATES = "templates";
    /** One template's preview. */
    public static final String TEMPLATE = "templates/:" + TEMPLATE_ID;
    /** One template's setup wizard (resumes the user's draft of it). */
    public static final String TEMPLATE_SETUP = "templates/:" + TEMPLATE_ID + "/setup";

    private Routes() {
    }

    /** The path of workflow {@code id}'s editor. */
    public static String workflow(UUID id) {
        return "workflows/" + id;
    }

    /** The path of workflow {@code id}'s designer with run {@code runId} drawn over the canvas. */
    public static String workflowWithRun(UUID id, UUID runId) {
        return workflow(id) + "?run=" + runId;
    }

    /** The path of template {@code id}'s preview. */
    public static String template(String id) {
        return "templates/" + id;
    }

    /** The path of template {@code id}'s setup wizard. */
    public static String templateSetup(String id) {
        return "templates/" + id + "/setup";
    }

    /** The path of mapping {@code id}'s editor. */
    public static String mapping(UUID id) {
        return "mappings/" + id;
    }

    /**
     * The query a mapping editor opened from a workflow's map node carries: {@code ?workflow=<id>&node=<nodeId>}
     * (the editor then shows the node's context).
     */
    public static QueryParameters fromNode(UUID workflowId, String nodeId) {
        return QueryParameters.simple(java.util.Map.of("workflow", workflowId.toString(), "node", nodeId));
    }

    /** The path of settlement reconciliation run {@code id}. */
    public static String reconciliationRun(UUID id) {
        return "reconciliation/" + id;
    }

    /** The path of run {@code id}. */
    public static String run(UUID id) {
        return "runs/" + id;
    }

    /**
     * The path of the runs list filtered by {@code query}, e.g. {@code runs?status=dead_lettered,failed&workflow=<id>}
     * (the URL convention of the runs list: see {@link RunsQuery}). Every link to a filtered runs list is built here.
     */
    public static String runs(RunsQuery query) {
        return query.toPath();
    }

    /** The runs list's filters in the current URL's query parameters (parameters that are wrong are dropped). */
    public static RunsQuery runsQuery(QueryParameters parameters, java.util.List<RunsQuery.Problem> problems) {
        return RunsQuery.parse(parameters.getParameters(), problems);
    }

    /** A link to {@code path} that the router follows without reloading the page (as a {@code RouterLink}). */
    public static Anchor link(String text, String path) {
        Anchor link = new Anchor(path, text);
        link.getElement().setAttribute("router-link", true);
        return link;
    }
}

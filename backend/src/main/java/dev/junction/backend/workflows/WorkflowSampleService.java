package dev.junction.backend.workflows;

import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.api.InvalidInputException.FieldProblem;
import dev.junction.backend.api.NotFoundException;
import dev.junction.backend.audit.AuditTrail;
import dev.junction.backend.security.CurrentUser;
import dev.junction.db.samples.SampleRepository;
import dev.junction.db.workflows.WorkflowRepository;
import dev.junction.engine.json.PayloadJson;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Samples pinned on a workflow's node output ports (the trigger's under node {@code trigger}, port {@code out}): what
 * the designer shows and evaluates expressions on when there is no run, and the input of a test run started without
 * one. They live beside the definition (not in a version, never in run history); pinning is a workflow edit.
 */
@Service
@Transactional
public class WorkflowSampleService {

    public static final int SAMPLE_MAX_BYTES = 65_536;
    private static final Pattern NAME = Pattern.compile("^[A-Za-z][A-Za-z0-9_-]{0,63}$");
    private static final String MAY_CHANGE = "hasAnyRole('ADMIN', 'DESIGNER')";

    private final WorkflowRepository workflows;
    private final SampleRepository samples;
    private final AuditTrail audit;

    WorkflowSampleService(WorkflowRepository workflows, SampleRepository samples, AuditTrail audit) {
        this.workflows = workflows;
        this.samples = samples;
        this.audit = audit;
    }

    /** The pinned samples, by node id, then port. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Map<String, Map<String, Object>> samples(UUID workflowId) {
        workflow(workflowId);
        Map<String, Map<String, Object>> byNode = new LinkedHashMap<>();
        samples.list(workflowId).forEach(sample -> byNode.computeIfAbsent(sample.nodeId(), id -> new LinkedHashMap<>())
                .put(sample.port(), PayloadJson.read(sample.sampleJson())));
        return byNode;
    }

    /** The sample pinned on that port, if any. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Optional<Object> sample(UUID workflowId, String nodeId, String port) {
        return Optional.ofNullable(samples(workflowId).getOrDefault(nodeId, Map.of()).get(port));
    }

    /** Pins {@code sample} (any JSON value, at most 64 KiB as JSON) on the port; a null sample unpins it. */
    @PreAuthorize(MAY_CHANGE)
    public void pin(UUID workflowId, String nodeId, String port, Object sample) {
        workflow(workflowId);
        List<FieldProblem> problems = new ArrayList<>();
        if (nodeId == null || !NAME.matcher(nodeId).matches()) {
            problems.add(new FieldProblem("nodeId", "must be 'trigger' or a node id (a letter, then letters, digits,"
                    + " _ or -, at most 64 characters)"));
        }
        if (port == null || !NAME.matcher(port).matches()) {
            problems.add(new FieldProblem("port", "must be an output port's name (such as out)"));
        }
        String json = sample == null ? null : PayloadJson.write(sample);
        if (json != null && json.getBytes(StandardCharsets.UTF_8).length > SAMPLE_MAX_BYTES) {
            problems.add(new FieldProblem("sample", "must be at most " + SAMPLE_MAX_BYTES + " bytes as JSON, has "
                    + json.getBytes(StandardCharsets.UTF_8).length));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (json == null) {
            if (samples.unpin(workflowId, nodeId, port)) {
                audit.record("workflow.sample_unpinned", WorkflowService.ENTITY, workflowId.toString(),
                        Map.of("node", nodeId, "port", port));
            }
            return;
        }
        samples.pin(workflowId, nodeId, port, json, CurrentUser.name());
        audit.record("workflow.sample_pinned", WorkflowService.ENTITY, workflowId.toString(),
                Map.of("node", nodeId, "port", port, "bytes", json.getBytes(StandardCharsets.UTF_8).length));
    }

    private void workflow(UUID workflowId) {
        if (workflows.find(workflowId).isEmpty()) {
            throw new NotFoundException("No workflow with id " + workflowId);
        }
    }
}

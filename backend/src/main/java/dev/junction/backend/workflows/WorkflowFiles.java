package dev.junction.backend.workflows;

import dev.junction.backend.api.InvalidInputException;
import dev.junction.db.workflows.Workflow;
import dev.junction.engine.definition.DefinitionJson;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Workflows as files, for the REST API and the UI alike: export one version, import as a new workflow. */
@Service
public class WorkflowFiles {

    /** Larger uploads are refused before they are read. */
    public static final int MAX_FILE_BYTES = 1_000_000;

    private final WorkflowService workflows;
    private final WorkflowVersionService versions;
    private final JsonMapper json;

    WorkflowFiles(WorkflowService workflows, WorkflowVersionService versions, JsonMapper json) {
        this.workflows = workflows;
        this.versions = versions;
        this.json = json;
    }

    /** The file of a version ({@code null}: the latest). */
    public WorkflowFile export(UUID id, Integer version) {
        Workflow workflow = workflows.get(id);
        StoredDefinition stored = versions.get(id, version == null ? workflow.latestVersion() : version);
        return new WorkflowFile(WorkflowFile.FORMAT, WorkflowFile.FORMAT_VERSION, workflow.name(),
                workflow.description(), stored.version().version(), OffsetDateTime.now(),
                json.readTree(DefinitionJson.write(stored.definition())));
    }

    /** A file name for the export of a workflow, made of its name. */
    public String fileName(WorkflowFile file) {
        return file.name().replaceAll("[^A-Za-z0-9._-]+", "-") + ".workflow.json";
    }

    public byte[] toJson(WorkflowFile file) {
        return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(file);
    }

    /** Reads an uploaded file; a file that is not one of ours is refused with a message saying why. */
    public WorkflowFile fromJson(byte[] bytes) {
        if (bytes.length > MAX_FILE_BYTES) {
            throw new InvalidInputException("file", "must be at most " + MAX_FILE_BYTES / 1000 + " kB");
        }
        try {
            return json.readValue(bytes, WorkflowFile.class);
        } catch (tools.jackson.core.JacksonException e) {
            throw new InvalidInputException("file", "is not a Junction workflow file: " + e.getOriginalMessage());
        }
    }

    /** Creates a new workflow from a file: its definition becomes version 1, not published. */
    public Workflow importFile(WorkflowFile file) {
        if (!WorkflowFile.FORMAT.equals(file.format())) {
            throw new InvalidInputException("format", "must be \"" + WorkflowFile.FORMAT + "\" (a file exported by Junction)");
        }
        if (file.formatVersion() == null || file.formatVersion() != WorkflowFile.FORMAT_VERSION) {
            throw new InvalidInputException("formatVersion", "must be " + WorkflowFile.FORMAT_VERSION);
        }
        return workflows.importWorkflow(file.name(), file.description(),
                file.definition() == null ? null : file.definition().toString());
    }
}

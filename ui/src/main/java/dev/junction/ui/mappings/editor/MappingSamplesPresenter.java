package dev.junction.ui.mappings.editor;

import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.api.NotFoundException;
import dev.junction.backend.mappings.ConnectionSampleService;
import dev.junction.backend.mappings.MappingRunSampleService;
import dev.junction.backend.mappings.MappingSampleService;
import dev.junction.engine.mapping.SampleParser;
import dev.junction.ui.mappings.editor.MapperContract.SampleAnswer;
import dev.junction.ui.mappings.editor.MapperContract.SampleOption;
import org.springframework.security.access.AccessDeniedException;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The samples and schemas of one mapping editor: a file's text parsed, a schema inferred from a sample, a sample
 * generated from a schema, a record fetched from a connection's read-only operation, the inputs of recent runs. A
 * refusal is an answer naming why, never an exception.
 */
public class MappingSamplesPresenter {

    private final MappingSampleService samples;
    private final ConnectionSampleService connectionSamples;
    private final MappingRunSampleService runSamples;
    private final UUID mappingId;

    MappingSamplesPresenter(MappingSampleService samples, ConnectionSampleService connectionSamples,
                            MappingRunSampleService runSamples, UUID mappingId) {
        this.samples = samples;
        this.connectionSamples = connectionSamples;
        this.runSamples = runSamples;
        this.mappingId = mappingId;
    }

    public SampleAnswer parse(String format, String text) {
        SampleParser.Parsed parsed = samples.parse(format, text);
        return new SampleAnswer(parsed.sample(), parsed.error());
    }

    public Map<String, Object> inferSchema(Object sample) {
        return samples.inferSchema(sample);
    }

    /** A sample of the schema (an id or a JSON Schema); null when it names no schema. */
    public Object generate(Object schema) {
        try {
            return samples.generate(schema);
        } catch (InvalidInputException e) {
            return null;
        }
    }

    /** The first record a read-only operation answers; only roles that may read connections may fetch one. */
    public SampleAnswer fetch(String connectionId, String operation) {
        try {
            return new SampleAnswer(connectionSamples.fetch(connectionId, operation, Map.of()).record(), null);
        } catch (AccessDeniedException e) {
            return new SampleAnswer(null, "Your role may not read connections: paste, upload or generate a sample.");
        } catch (InvalidInputException e) {
            return new SampleAnswer(null, MappingEditorPresenter.message(e));
        }
    }

    /** The inputs of the map nodes that ran this mapping in the most recent runs, newest first. */
    public List<SampleOption> recentRuns() {
        try {
            return runSamples.recent(mappingId).stream()
                    .map(sample -> new SampleOption("run", sample.label(), sample.data())).toList();
        } catch (AccessDeniedException | NotFoundException e) {
            return List.of();
        }
    }
}

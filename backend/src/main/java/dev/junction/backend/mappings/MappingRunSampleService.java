package dev.junction.backend.mappings;

import dev.junction.backend.api.NotFoundException;
import dev.junction.db.mappings.MappingRepository;
import dev.junction.db.runs.MapNodeInputs;
import dev.junction.engine.mapping.SampleParser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Real samples for a stored mapping: what the map nodes running it were given in the most recent runs, newest first
 * (at most {@value #LIMIT}; an input over 1 MiB is left out, as a preview would refuse it). Every signed-in role may
 * read runs and their step payloads (docs/security.md), so every one may take these samples.
 */
@Service
public class MappingRunSampleService {

    static final int LIMIT = 10;

    private final MappingRepository mappings;
    private final MapNodeInputs inputs;
    private final Clock clock;

    MappingRunSampleService(MappingRepository mappings, MapNodeInputs inputs, Clock clock) {
        this.mappings = mappings;
        this.inputs = inputs;
        this.clock = clock;
    }

    /** One map node's input in one run, with a label such as {@code run 3f2a… · Payment to FBA · 2 min ago}. */
    public record RunSample(UUID runId, String workflowName, String nodeId, Integer itemIndex,
                            OffsetDateTime createdAt, String label, Object data) {
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<RunSample> recent(UUID mappingId) {
        if (mappings.find(mappingId).isEmpty()) {
            throw new NotFoundException("No mapping with id " + mappingId);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        return inputs.recent(mappingId, LIMIT, SampleParser.MAX_BYTES).stream()
                .filter(input -> input.input() != null)
                .map(input -> new RunSample(input.runId(), input.workflowName(), input.nodeId(), input.itemIndex(),
                        input.runCreatedAt(), label(input, now), input.input()))
                .toList();
    }

    private static String label(MapNodeInputs.MapNodeInput input, OffsetDateTime now) {
        String item = input.itemIndex() == null ? "" : " · item " + input.itemIndex();
        return "run " + input.runId().toString().substring(0, 4) + "… · " + input.workflowName() + item + " · "
                + ago(Duration.between(input.runCreatedAt(), now));
    }

    /** How long ago, roughly: "just now", "2 min ago", "3 h ago", "5 d ago". */
    static String ago(Duration elapsed) {
        long seconds = Math.max(0, elapsed.toSeconds());
        if (seconds < 60) {
            return "just now";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min ago";
        }
        if (seconds < 86_400) {
            return seconds / 3600 + " h ago";
        }
        return seconds / 86_400 + " d ago";
    }
}

package dev.junction.backend.templates;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A template's sample run on the sandbox, as its preview shows it: the template version, the run ({@code runId},
 * its {@code status} — {@code running} until it ended), when it ran, who started it, and each step that ran with its
 * output or error. {@code output} is the step's output (plain JSON values) cut to
 * {@value TemplateSampleRuns#OUTPUT_MAX_CHARACTERS} characters of JSON text when larger ({@code truncated}).
 */
public record SampleRun(String templateId, int templateVersion, UUID runId, String status, Instant startedAt,
                        String startedBy, List<Step> steps) {

    public SampleRun {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    /** One step that ran (its last attempt): node id and name, status, output or error. */
    public record Step(String nodeId, String name, String status, Object output, boolean truncated,
                       String errorClass, String errorMessage) {
    }

    /** Whether the run has ended (succeeded, failed, dead-lettered or cancelled). */
    public boolean ended() {
        return !"running".equals(status);
    }
}

package dev.junction.backend.dashboard;

import dev.junction.db.runs.RunsQuery;
import dev.junction.engine.runs.ErrorCategory;
import dev.junction.engine.runs.RunStatus;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Paths of the pre-filtered runs list the dashboard's tiles and bars open (built by {@link RunsQuery}). */
final class RunsLinks {

    static final String FAILED = "dead_lettered,failed";

    private RunsLinks() {
    }

    /**
     * The runs list filtered by whichever of the arguments is non-null: {@code statuses} as run status json names
     * separated by commas, {@code category} an {@link ErrorCategory} json name, the creation time range, the workflow.
     */
    static String runs(String statuses, String category, Instant from, Instant to, UUID workflowId) {
        Set<RunStatus> only = statuses == null ? Set.of() : Arrays.stream(statuses.split(","))
                .map(RunStatus::fromJson).flatMap(Optional::stream).collect(Collectors.toSet());
        return RunsQuery.all().withStatuses(only).withCategory(ErrorCategory.fromJson(category))
                .withTime(from, to).withWorkflow(workflowId).toPath();
    }
}

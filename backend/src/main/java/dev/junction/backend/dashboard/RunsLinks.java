package dev.junction.backend.dashboard;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Paths of the pre-filtered runs list, by the URL convention of the runs view ({@code runs?status=dead_lettered,
 * failed&category=…&from=…&to=…&workflow=…}; times are creation times, from inclusive, to exclusive).
 */
final class RunsLinks {

    static final String FAILED = "dead_lettered,failed";

    private RunsLinks() {
    }

    /** The runs list filtered by whichever of the arguments is non-null. */
    static String runs(String statuses, String category, Instant from, Instant to, UUID workflowId) {
        List<String> parameters = new ArrayList<>();
        if (statuses != null) {
            parameters.add("status=" + statuses);
        }
        if (category != null) {
            parameters.add("category=" + category);
        }
        if (from != null) {
            parameters.add("from=" + from);
        }
        if (to != null) {
            parameters.add("to=" + to);
        }
        if (workflowId != null) {
            parameters.add("workflow=" + workflowId);
        }
        return parameters.isEmpty() ? "runs" : "runs?" + String.join("&", parameters);
    }
}

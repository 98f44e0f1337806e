package dev.junction.db.runs;

import java.util.List;

/** One page of runs, newest first; {@code next} is the cursor of the following page (null on the last one). */
public record RunPage(List<RunSummary> items, String next) {
}

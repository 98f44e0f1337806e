package dev.junction.backend.runs;

import dev.junction.db.runs.RunSummary;
import dev.junction.engine.runs.ErrorCategory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Runs as CSV (RFC 4180): a header row, then one row per run — what the runs list shows, never a payload. Times are
 * ISO-8601 instants in UTC.
 */
final class RunsCsv {

    static final List<String> HEADER = List.of("id", "workflow", "workflowId", "version", "trigger", "businessKey",
            "status", "errorClass", "errorCategory", "errorMessage", "failedNode", "replays", "createdAt", "startedAt",
            "finishedAt", "durationMs");

    private final Writer out;

    RunsCsv(Writer out) {
        this.out = out;
    }

    void header() {
        line(HEADER);
    }

    void row(RunSummary run) {
        ErrorCategory category = ErrorCategory.of(run.errorClass());
        line(List.of(run.id().toString(), text(run.workflowName()), run.workflowId().toString(),
                Integer.toString(run.workflowVersion()), text(run.triggerKind()), text(run.businessKey()),
                run.status(), text(run.errorClass()), category == null ? "" : category.jsonName(),
                text(run.errorMessage()), text(run.failedNodeId()), Integer.toString(run.replays()),
                instant(run.createdAt()), instant(run.startedAt()), instant(run.finishedAt()),
                run.startedAt() == null || run.finishedAt() == null ? ""
                        : Long.toString(Duration.between(run.startedAt(), run.finishedAt()).toMillis())));
    }

    private void line(List<String> fields) {
        try {
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(quoted(fields.get(i)));
            }
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String quoted(String field) {
        boolean quote = field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0
                || field.indexOf('\r') >= 0;
        // a cell starting like a formula is kept as text by spreadsheets (CSV injection)
        String safe = !field.isEmpty() && "=+-@".indexOf(field.charAt(0)) >= 0 ? "'" + field : field;
        return quote || !safe.equals(field) ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String instant(OffsetDateTime time) {
        return time == null ? "" : time.toInstant().toString();
    }
}

package dev.junction.backend.runs;

import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.api.NotFoundException;
import dev.junction.backend.security.CurrentUser;
import dev.junction.db.runs.RunQueries;
import dev.junction.db.runs.RunViews;
import dev.junction.db.runs.RunsQuery;
import dev.junction.db.runs.SavedRunView;
import org.jooq.DSLContext;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The runs list beyond a page: a total while it is cheap to count, the CSV export of every matching run, and each
 * user's saved views and columns. Every signed-in user may read runs, so every one may do all of this (views and
 * columns are their own).
 */
@Service
public class RunListService {

    /** The list counts matching runs up to this many; beyond it shows "{@value}+". */
    public static final int COUNT_CAP = 1_000;
    /** Runs read per round trip while exporting. */
    static final int EXPORT_CHUNK = 1_000;
    private static final String SIGNED_IN = "isAuthenticated()";

    private final RunQueries queries;
    private final RunViews views;

    RunListService(RunQueries queries, DSLContext db) {
        this.queries = queries;
        this.views = new RunViews(db);
    }

    /** How many runs match, up to {@link #COUNT_CAP} (which then reads "that many or more"). */
    @PreAuthorize(SIGNED_IN)
    public int count(RunsQuery query) {
        return queries.count(query.toFilter(), COUNT_CAP);
    }

    /** Writes every run matching {@code query} to {@code out} as CSV (UTF-8), newest first; {@link RunsCsv}. */
    @PreAuthorize(SIGNED_IN)
    public void exportCsv(RunsQuery query, OutputStream out) {
        try {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            RunsCsv csv = new RunsCsv(writer);
            csv.header();
            queries.forEach(query.toFilter(), EXPORT_CHUNK, csv::row);
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file name of an export: {@code runs-<UTC date and time>.csv}. */
    public static String exportFileName(java.time.Instant at) {
        return "runs-" + at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString().replace(":", "")
                + ".csv";
    }

    @PreAuthorize(SIGNED_IN)
    public List<SavedRunView> views() {
        return views.list(CurrentUser.name());
    }

    /** The signed-in user's view {@code id}, if it is theirs. */
    @PreAuthorize(SIGNED_IN)
    public Optional<SavedRunView> view(UUID id) {
        return views.find(CurrentUser.name(), id);
    }

    /** Saves the filters and columns as the signed-in user's view {@code name} (replacing one of that name). */
    @PreAuthorize(SIGNED_IN)
    public SavedRunView saveView(String name, RunsQuery query, List<String> columns) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > RunViews.NAME_MAX) {
            throw new InvalidInputException("name", "must be 1 to " + RunViews.NAME_MAX + " characters, has "
                    + trimmed.length());
        }
        return views.save(CurrentUser.name(), trimmed, query, columns);
    }

    @PreAuthorize(SIGNED_IN)
    public void deleteView(UUID id) {
        if (!views.delete(CurrentUser.name(), id)) {
            throw new NotFoundException("No saved view with id " + id);
        }
    }

    /** The column keys the signed-in user chose, in order; empty while they chose none. */
    @PreAuthorize(SIGNED_IN)
    public Optional<List<String>> columns() {
        return views.columns(CurrentUser.name());
    }

    @PreAuthorize(SIGNED_IN)
    public void saveColumns(List<String> columns) {
        views.saveColumns(CurrentUser.name(), columns);
    }
}

package dev.junction.db.runs;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A saved view of the runs list: its filters (without {@code view}) and its columns, owned by one user. */
public record SavedRunView(UUID id, String owner, String name, RunsQuery query, List<String> columns,
                           OffsetDateTime createdAt) {

    public SavedRunView {
        columns = List.copyOf(columns);
    }

    /** The runs list path that opens this view: its filters and {@code view=<id>}. */
    public String path() {
        return query.withView(id).toPath();
    }
}

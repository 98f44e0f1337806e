package db.migration;

import dev.junction.db.errors.ErrorGroupWrites;
import dev.junction.db.errors.MessageTemplate;
import dev.junction.engine.runs.ErrorCategory;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Error groups (the error inbox): failures grouped by fingerprint (workflow + failed step + error class + message
 * template), each failed run's membership (for affected business keys and auto-resolve), and the link from a new run
 * started as an edited retry to its original ({@code run_lineage}). Written in Java because the message template is Java's
 * ({@link MessageTemplate}): the runs that failed before this migration are grouped by the same rules as the runs
 * that fail after it.
 */
public class V28__error_groups extends BaseJavaMigration {

    static final String SCHEMA = """
            create table error_groups (
                id               uuid primary key default gen_random_uuid(),
                fingerprint      text        not null unique,
                workflow_id      uuid        not null references workflows (id) on delete cascade,
                node_id          text,
                error_class      text        not null,
                category         text        not null,
                message_template text        not null,
                sample_message   text        not null,
                sample_run_id    uuid,
                failures         bigint      not null default 0,
                first_seen_at    timestamptz not null,
                last_seen_at     timestamptz not null,
                state            text        not null default 'open',
                assignee         text,
                tags             text[]      not null default '{}',
                resolution_note  text,
                resolved_by      text,
                resolved_at      timestamptz,
                updated_at       timestamptz not null default now(),
                constraint error_groups_state_known check (state in ('open', 'resolved'))
            );
            create index error_groups_state_seen_idx on error_groups (state, last_seen_at desc);
            create index error_groups_assignee_idx on error_groups (assignee) where assignee is not null;

            -- One row per failed run and group: the run's failures in that group and whether they are resolved.
            create table error_failures (
                run_id       uuid        not null references runs (id) on delete cascade,
                group_id     uuid        not null references error_groups (id) on delete cascade,
                workflow_id  uuid        not null,
                business_key text,
                failures     integer     not null default 1,
                failed_at    timestamptz not null,
                resolved_at  timestamptz,
                primary key (run_id, group_id)
            );
            create index error_failures_group_idx on error_failures (group_id, failed_at desc);
            create index error_failures_open_group_idx on error_failures (group_id) where resolved_at is null;
            -- what a succeeded run looks up to auto-resolve: nothing at all when no open failure has its key
            create index error_failures_open_key_idx on error_failures (workflow_id, business_key)
                where resolved_at is null and business_key is not null;

            -- A run started by "edit payload and retry" names the run it retries (a table of its own: the runs table
            -- keeps the shape of the jOOQ classes, which are generated from the SQL migrations only).
            create table run_lineage (
                run_id    uuid primary key references runs (id) on delete cascade,
                replay_of uuid not null references runs (id) on delete cascade
            );
            """;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute(SCHEMA);
        }
        String group = "with ended as (select id, workflow_id, status, trigger_kind, business_key, error_class,"
                + " error_message, failed_node_id, coalesce(finished_at, updated_at) as finished_at"
                + " from runs where id = ?), " + ErrorGroupWrites.FAILURE_CTES + " select 1";
        try (PreparedStatement failed = connection.prepareStatement("""
                select id, error_class, error_message from runs
                where status in ('failed', 'dead_lettered') and trigger_kind <> 'test' and error_class is not null
                order by coalesce(finished_at, updated_at), id""");
             ResultSet runs = failed.executeQuery();
             PreparedStatement grouping = connection.prepareStatement(group)) {
            while (runs.next()) {
                String template = MessageTemplate.of(runs.getString("error_message"));
                grouping.setObject(1, runs.getObject("id", UUID.class));
                grouping.setString(2, template);
                grouping.setString(3, ErrorCategory.of(runs.getString("error_class")).jsonName());
                grouping.setString(4, template);
                grouping.executeQuery().close();
            }
        }
    }
}

package dev.junction.db.errors;

/**
 * The statements that keep error groups as runs end, written as common table expressions over a CTE named
 * {@code ended} (the ended run's row: id, workflow_id, status, trigger_kind, business_key, error_class,
 * error_message, failed_node_id, finished_at), so the transaction that ends a run maintains its group in the same
 * statement.
 */
public final class ErrorGroupWrites {

    private ErrorGroupWrites() {
    }

    /**
     * A failed or dead-lettered run (not a designer test run) counts in its group (made when new; reopened when it
     * was resolved) and is one of the group's failures. Parameters: the message template, the category, the
     * message template again.
     */
    public static final String FAILURE_CTES = """
            grouped as (
                insert into error_groups (fingerprint, workflow_id, node_id, error_class, category, message_template,
                                          sample_message, sample_run_id, failures, first_seen_at, last_seen_at)
                select md5(workflow_id::text || chr(31) || coalesce(failed_node_id, '') || chr(31) || error_class
                           || chr(31) || ?::text),
                       workflow_id, failed_node_id, error_class, ?::text, ?::text, left(coalesce(error_message, ''), 2000),
                       id, 1, finished_at, finished_at
                from ended
                where status in ('failed', 'dead_lettered') and trigger_kind <> 'test' and error_class is not null
                on conflict (fingerprint) do update
                    set failures = error_groups.failures + 1,
                        first_seen_at = least(error_groups.first_seen_at, excluded.first_seen_at),
                        last_seen_at = greatest(error_groups.last_seen_at, excluded.last_seen_at),
                        sample_message = excluded.sample_message, sample_run_id = excluded.sample_run_id,
                        state = 'open', resolved_at = null, resolved_by = null,
                        resolution_note = case when error_groups.state = 'resolved' then null
                                               else error_groups.resolution_note end,
                        updated_at = now()
                returning id),
            grouped_failure as (
                insert into error_failures (run_id, group_id, workflow_id, business_key, failed_at)
                select ended.id, grouped.id, ended.workflow_id, ended.business_key, ended.finished_at
                from ended, grouped
                on conflict (run_id, group_id) do update
                    set failures = error_failures.failures + 1, failed_at = excluded.failed_at, resolved_at = null)""";

    /**
     * A succeeded run (not a designer test run) resolves its own failures, those of the run it retries (an edited
     * retry) and the open failures of its workflow with
     * its business key (an index lookup that finds nothing when there are none); a group left without an unresolved
     * failure is resolved automatically. No parameters.
     */
    public static final String SUCCESS_CTES = """
            settled as (
                update error_failures f set resolved_at = ended.finished_at
                from ended
                where ended.status = 'succeeded' and ended.trigger_kind <> 'test' and f.resolved_at is null
                  and (f.run_id = ended.id
                       or f.run_id = (select l.replay_of from run_lineage l where l.run_id = ended.id)
                       or (ended.business_key is not null and f.workflow_id = ended.workflow_id
                           and f.business_key = ended.business_key))
                returning f.run_id, f.group_id, ended.business_key, ended.id as succeeded_run_id),
            auto_resolved as (
                update error_groups g
                set state = 'resolved', resolved_at = now(), resolved_by = null, updated_at = now(),
                    resolution_note = case when s.business_key is null
                        then 'resolved automatically: a replay of run ' || s.succeeded_run_id || ' succeeded'
                        else 'resolved automatically: a later run for ' || s.business_key || ' succeeded' end
                from (select distinct on (group_id) group_id, business_key, succeeded_run_id from settled) s
                where g.id = s.group_id and g.state = 'open'
                  and not exists (select 1 from error_failures f
                                  where f.group_id = g.id and f.resolved_at is null
                                    and f.run_id not in (select run_id from settled where settled.group_id = g.id)))""";
}

-- The alert lifecycle (ops-alerts): who snoozed an alert, and which maintenance window kept it quiet (the alert is
-- still recorded while a window is open; it only notifies nobody).
alter table alerts
    add column snoozed_by            text,
    add column maintenance_window_id uuid references maintenance_windows (id) on delete set null;

create index alerts_rule_idx on alerts (rule_id, last_seen_at desc);

-- What alert conditions read every few seconds without scanning runs: failures by when they ended (run_failed), and
-- each workflow's successes by when they ended (no_success, and run_failed clearing on a later success).
create index runs_failed_finished_idx on runs (finished_at) where status in ('failed', 'dead_lettered');
create index runs_succeeded_finished_idx on runs (workflow_id, finished_at) where status = 'succeeded';

-- Webhook deliveries taken once: the dedup key of a delivery (its Idempotency-Key header, the value of the trigger's
-- dedupKey expression, or an Opayo notification's VPSTxId) is stored with the run it started, in the run's own
-- transaction. A repeat of the key for the same workflow finds it and starts nothing; two repeats at once meet on the
-- primary key, and the second one waits for the first to commit. A key lives as long as its run.
create table webhook_dedup_keys (
    workflow_id uuid        not null,
    dedup_key   text        not null,
    run_id      uuid        not null references runs (id) on delete cascade deferrable initially deferred,
    received_at timestamptz not null default now(),
    primary key (workflow_id, dedup_key)
);

create index webhook_dedup_keys_run_idx on webhook_dedup_keys (run_id);

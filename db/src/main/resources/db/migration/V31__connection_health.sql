-- Connection health (what the ops dashboard and GET /api/v1/connections/health show). Connector calls are tallied
-- in memory on each node and written here every few seconds (ConnectionUsageFlusher): no write per call.

-- The latest outcome of calls per connection (not a foreign key: sandbox connections come and go with the app).
create table connection_health (
    connection_id        text primary key,
    last_success_at      timestamptz,
    last_failure_at      timestamptz,
    last_failure_class   text,
    last_failure_message text,
    last_throttled_at    timestamptz,
    updated_at           timestamptz not null default now()
);

-- Calls, failures and rate-limit hits (our limiter's waits, the remote's 429s) per connection and hour.
create table connection_usage_hours (
    connection_id    text        not null,
    hour             timestamptz not null,
    calls            bigint      not null default 0,
    failures         bigint      not null default 0,
    limiter_waits    bigint      not null default 0,
    remote_throttles bigint      not null default 0,
    primary key (connection_id, hour)
);

create index connection_usage_hours_hour_idx on connection_usage_hours (hour);

-- The dashboard's dead-letter tiles: how many runs are dead-lettered now and were at a period's start (ended before
-- it), the oldest of them, all or of one workflow — an index-only scan of this small partial index instead of a
-- heap visit per dead-lettered run (98 ms at 1M runs with 13,600 dead-lettered, see docs/benchmarks.md).
create index runs_dead_lettered_idx on runs (finished_at, workflow_id, created_at) where status = 'dead_lettered';

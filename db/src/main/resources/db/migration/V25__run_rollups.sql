-- What dashboards, alert rules and anomaly baselines read instead of scanning runs.

-- Each run's end appends a row here, in the transaction that ends it (an insert: no row is contended however many
-- runs end at once). A folder on every node moves them into run_rollups every few seconds (dev.junction.db.rollups).
create table run_endings (
    id           bigint generated always as identity primary key,
    run_id       uuid        not null,
    workflow_id  uuid        not null,
    status       text        not null,
    trigger_kind text        not null,
    error_class  text,
    ended_at     timestamptz not null,
    duration_ms  bigint      not null
);

-- Runs ended per hour, workflow, ending status, trigger kind and error class ('' when none), with their durations:
-- the sum, the maximum and a histogram (duration_buckets[i + 1] counts runs whose bucket is i, see DurationBuckets).
create table run_rollups (
    hour             timestamptz not null,
    workflow_id      uuid        not null references workflows (id) on delete cascade,
    status           text        not null,
    trigger_kind     text        not null,
    error_class      text        not null default '',
    runs             bigint      not null,
    duration_ms_sum  bigint      not null,
    duration_ms_max  bigint      not null,
    duration_buckets integer[]   not null,
    primary key (hour, workflow_id, status, trigger_kind, error_class)
);

create index run_rollups_workflow_hour_idx on run_rollups (workflow_id, hour);

-- Element-wise sum of two histograms (the shorter one is padded with zeros).
create function add_histograms(a integer[], b integer[]) returns integer[]
    language sql immutable as $$
    select coalesce(array_agg(coalesce(x, 0) + coalesce(y, 0) order by i), '{}')
    from unnest(a, b) with ordinality as t(x, y, i)
$$;

-- Runs that ended before this migration are folded like any other.
insert into run_endings (run_id, workflow_id, status, trigger_kind, error_class, ended_at, duration_ms)
select id, workflow_id, status, trigger_kind, error_class, finished_at,
       greatest(0, (extract(epoch from finished_at - coalesce(started_at, created_at)) * 1000)::bigint)
from runs
where finished_at is not null and trigger_kind <> 'test'
order by finished_at;

-- A daily level of the run rollups, for long dashboard ranges (7 and 30 days read whole days from here instead of
-- 24 hourly rows each). Same key and columns as run_rollups, by UTC day: day is the start (00:00 UTC) of the day
-- the runs ended in. RunRollups.fold adds each batch of endings to both levels in one transaction, so a day's row
-- always equals the sum of its 24 hourly rows.
create table run_rollups_daily (
    day              timestamptz not null,
    workflow_id      uuid        not null references workflows (id) on delete cascade,
    status           text        not null,
    trigger_kind     text        not null,
    error_class      text        not null default '',
    runs             bigint      not null,
    duration_ms_sum  bigint      not null,
    duration_ms_max  bigint      not null,
    duration_buckets integer[]   not null,
    primary key (day, workflow_id, status, trigger_kind, error_class)
);

create index run_rollups_daily_workflow_day_idx on run_rollups_daily (workflow_id, day);

-- Element-wise sum of many histograms (add_histograms, V25, as an aggregate).
create aggregate sum_histograms(integer[]) (
    sfunc = add_histograms,
    stype = integer[],
    initcond = '{}'
);

-- The hours folded before this migration, added up by UTC day.
insert into run_rollups_daily (day, workflow_id, status, trigger_kind, error_class, runs, duration_ms_sum,
                               duration_ms_max, duration_buckets)
select date_trunc('day', hour, 'UTC'), workflow_id, status, trigger_kind, error_class, sum(runs),
       sum(duration_ms_sum), max(duration_ms_max), sum_histograms(duration_buckets)
from run_rollups
group by 1, 2, 3, 4, 5;

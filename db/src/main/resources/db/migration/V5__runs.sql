-- Durable runs: a run, the history of its steps, and the tasks workers claim.

-- Large payloads are stored once, by content hash, and referred to from runs and steps.
create table payloads (
    hash       text primary key,
    body       jsonb   not null,
    size_bytes integer not null
);

create table runs (
    id                uuid primary key,
    workflow_id       uuid        not null references workflows (id) on delete cascade,
    workflow_version  integer     not null,
    trigger_kind      text        not null,
    business_key      text,
    status            text        not null default 'queued',
    input             jsonb,
    input_ref         text references payloads (hash),
    input_size        integer     not null default 0,
    output            jsonb,
    output_ref        text references payloads (hash),
    error_class       text,
    error_message     text,
    failed_node_id    text,
    failed_for_each_id text,
    failed_item_index integer,
    generation        integer     not null default 1,
    replays           integer     not null default 0,
    parent_run_id     uuid references runs (id) on delete set null,
    parent_task_id    bigint,
    created_at        timestamptz not null default now(),
    started_at        timestamptz,
    finished_at       timestamptz,
    updated_at        timestamptz not null default now(),
    constraint runs_status_known check (status in
        ('queued', 'running', 'waiting', 'succeeded', 'failed', 'dead_lettered', 'cancelled')),
    constraint runs_business_key_length check (char_length(business_key) <= 200)
);

-- Keyset pagination is by (created_at, id), newest first.
create index runs_created_idx on runs (created_at desc, id desc);
create index runs_workflow_created_idx on runs (workflow_id, created_at desc, id desc);
create index runs_status_created_idx on runs (status, created_at desc, id desc);
create index runs_business_key_idx on runs (business_key) where business_key is not null;
create index runs_parent_idx on runs (parent_run_id) where parent_run_id is not null;

-- One row per attempt of a step; in-flight and due steps are tasks.
create table steps (
    id              bigint generated always as identity primary key,
    run_id          uuid        not null references runs (id) on delete cascade,
    generation      integer     not null,
    node_id         text        not null,
    for_each_id     text,
    item_index      integer,
    attempt         integer     not null,
    status          text        not null,
    input           jsonb,
    input_ref       text references payloads (hash),
    output          jsonb,
    output_ref      text references payloads (hash),
    output_size     integer     not null default 0,
    error_class     text,
    error_message   text,
    remote_status   integer,
    remote_body     text,
    retry_at        timestamptz,
    idempotency_key text,
    worker_id       text,
    started_at      timestamptz not null,
    finished_at     timestamptz not null,
    constraint steps_status_known check (status in ('succeeded', 'failed', 'waiting'))
);

create index steps_run_idx on steps (run_id, id);
create index steps_failed_idx on steps (error_class, finished_at) where status = 'failed';

-- What workers claim: due tasks (due_at <= now) whose lease is free or expired.
create table step_tasks (
    id           bigint generated always as identity primary key,
    run_id       uuid        not null references runs (id) on delete cascade,
    node_id      text        not null,
    for_each_id  text,
    item_index   integer,
    attempt      integer     not null default 1,
    kind         text        not null default 'execute',
    resume_value jsonb,
    due_at       timestamptz not null default now(),
    lease_owner  text,
    lease_until  timestamptz,
    claims       integer     not null default 0,
    constraint step_tasks_kind_known check (kind in ('execute', 'resume', 'wait_child'))
);

-- A node is queued at most once per run (per forEach item): paths that meet run it once.
create unique index step_tasks_node_key on step_tasks (run_id, node_id, coalesce(for_each_id, ''), coalesce(item_index, -1));
create index step_tasks_due_idx on step_tasks (due_at);
create index step_tasks_lease_idx on step_tasks (lease_owner) where lease_owner is not null;

-- The progress of a forEach's items in a run.
create table for_each_progress (
    run_id        uuid    not null references runs (id) on delete cascade,
    for_each_id   text    not null,
    items         jsonb   not null,
    total         integer not null,
    concurrency   integer not null,
    next_index    integer not null,
    done_count    integer not null default 0,
    body_entries  text[]  not null,
    done_entries  text[]  not null,
    results       jsonb   not null,
    primary key (run_id, for_each_id)
);

-- Outputs of side-effecting steps by idempotency key: a step already done for its key is not done again.
create table idempotency_records (
    key        text primary key,
    output     jsonb,
    created_at timestamptz not null default now()
);

-- Webhook tokens (one per workflow, rotatable) and polling cursors.
create table workflow_triggers (
    workflow_id    uuid primary key references workflows (id) on delete cascade,
    webhook_token  text,
    token_rotated_at timestamptz,
    poll_cursor    text,
    polled_at      timestamptz
);

-- Lookup tables read by lookup nodes (e.g. SKU to ASIN).
create table lookup_entries (
    table_name text  not null,
    key        text  not null,
    value      jsonb not null,
    primary key (table_name, key)
);

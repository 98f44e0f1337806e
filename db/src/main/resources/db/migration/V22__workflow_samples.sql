-- Pinned samples: the data a designer pins on a node's output port (the trigger's under node 'trigger', port 'out'),
-- beside the workflow's definition and never in run history. One sample per node and port; at most 64 KiB of JSON.
create table workflow_samples (
    workflow_id uuid        not null references workflows (id) on delete cascade,
    node_id     text        not null check (length(node_id) between 1 and 64),
    port        text        not null check (length(port) between 1 and 64),
    sample      jsonb       not null check (octet_length(sample::text) <= 65536),
    updated_by  text        not null,
    updated_at  timestamptz not null default now(),
    primary key (workflow_id, node_id, port)
);

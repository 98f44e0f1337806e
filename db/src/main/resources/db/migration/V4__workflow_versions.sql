-- Each save of a workflow's definition is a new, immutable version; one version may be published.

create table workflow_versions (
    workflow_id uuid        not null references workflows (id) on delete cascade,
    version     integer     not null,
    definition  jsonb       not null,
    comment     text        not null default '',
    created_by  text        not null,
    created_at  timestamptz not null default now(),
    primary key (workflow_id, version),
    constraint workflow_versions_version_positive check (version >= 1),
    constraint workflow_versions_comment_length check (char_length(comment) <= 500)
);

-- latest_version is the optimistic-locking counter: a save names the version it was based on and succeeds only
-- while that is still the latest. published_version is what triggers run (none until a version is published).
alter table workflows
    add column latest_version    integer not null default 0,
    add column published_version integer;

-- Workflows made before versions existed get the definition every workflow started with: a manual trigger.
insert into workflow_versions (workflow_id, version, definition, created_by, created_at)
select id, 1,
       '{"schemaVersion": 1, "trigger": {"kind": "manual", "config": {}, "position": {"x": 0, "y": 0}}, "nodes": [], "edges": []}'::jsonb,
       created_by, created_at
from workflows;
update workflows set latest_version = 1;

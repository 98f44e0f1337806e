-- Workflows (their definitions and versions arrive with the workflow engine) and the audit log.

create table workflows (
    id          uuid primary key default gen_random_uuid(),
    name        text        not null,
    description text        not null default '',
    created_by  text        not null,
    created_at  timestamptz not null default now(),
    updated_by  text        not null,
    updated_at  timestamptz not null default now(),
    constraint workflows_name_length check (char_length(btrim(name)) between 1 and 120),
    constraint workflows_description_length check (char_length(description) <= 2000)
);

-- Two workflows may not share a name, whatever its case.
create unique index workflows_name_key on workflows (lower(name));
create index workflows_updated_at_idx on workflows (updated_at desc);

-- Who did what, when. Actors are kept by user name so that entries outlive the user.
create table audit_log (
    id          bigint generated always as identity primary key,
    occurred_at timestamptz not null default now(),
    actor       text        not null,
    action      text        not null,
    entity_type text        not null,
    entity_id   text        not null,
    details     jsonb       not null default '{}'::jsonb
);

create index audit_log_entity_idx on audit_log (entity_type, entity_id, occurred_at desc);
create index audit_log_occurred_at_idx on audit_log (occurred_at desc);

-- Workflow templates (docs/templates.md): versions uploaded by admins or saved from a workflow (the bundled ones are
-- files in the app), what a workflow installed from a template remembers, the setup wizard's resumable drafts, and
-- who answers for a workflow (a go-live checklist item).

-- A template version that is not bundled with the app: uploaded (a newer version of a bundled template, or a new
-- template) or saved from a workflow. The document is the template's JSON (id and version repeated inside).
create table template_versions (
    template_id text        not null,
    version     integer     not null,
    document    jsonb       not null,
    source      text        not null,
    created_by  text        not null,
    created_at  timestamptz not null default now(),
    primary key (template_id, version),
    constraint template_versions_version_positive check (version >= 1),
    constraint template_versions_source_known check (source in ('uploaded', 'saved')),
    constraint template_versions_document_object check (jsonb_typeof(document) = 'object')
);

-- A workflow installed from a template: the template version, the connection per requirement and the parameter
-- values chosen, and the definition as installed (the base of an upgrade's three-way merge).
create table template_installations (
    workflow_id      uuid primary key references workflows (id) on delete cascade,
    template_id      text        not null,
    template_version integer     not null,
    connections      jsonb       not null default '{}'::jsonb,
    parameters       jsonb       not null default '{}'::jsonb,
    base_definition  jsonb       not null,
    installed_by     text        not null,
    installed_at     timestamptz not null default now()
);

create index template_installations_template_idx on template_installations (template_id);

-- The setup wizard's state, so that it can be resumed (per user).
create table template_install_drafts (
    id               uuid primary key default gen_random_uuid(),
    template_id      text        not null,
    template_version integer     not null,
    step             text        not null default '',
    workflow_name    text,
    connections      jsonb       not null default '{}'::jsonb,
    parameters       jsonb       not null default '{}'::jsonb,
    workflow_id      uuid references workflows (id) on delete set null,
    created_by       text        not null,
    updated_at       timestamptz not null default now()
);

create index template_install_drafts_owner_idx on template_install_drafts (created_by, updated_at desc);

-- Who answers for a workflow (a user's name): an item of the go-live checklist.
create table workflow_owners (
    workflow_id uuid primary key references workflows (id) on delete cascade,
    owner       text        not null,
    set_by      text        not null,
    set_at      timestamptz not null default now()
);

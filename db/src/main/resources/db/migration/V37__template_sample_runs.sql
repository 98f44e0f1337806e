-- A template's sample run on the sandbox (docs/templates.md, "Sample run"): what the preview shows, kept across
-- restarts, and what the sample's install made, so that it is cleaned up once the run has ended.
create table template_sample_runs (
    run_id                uuid primary key,
    template_id           text        not null,
    template_version      integer     not null,
    -- the sample's draft workflow until it is archived (null once archived)
    workflow_id           uuid,
    -- stored mappings (ids) and lookup tables (names) the sample's install created, until they are removed
    created_mappings      jsonb       not null default '[]'::jsonb,
    created_lookup_tables jsonb       not null default '[]'::jsonb,
    -- the SampleRun as the preview shows it (status 'running' until the run has ended)
    result                jsonb       not null,
    started_at            timestamptz not null,
    constraint template_sample_runs_result_object check (jsonb_typeof(result) = 'object')
);

create index template_sample_runs_latest_idx on template_sample_runs (template_id, started_at desc);

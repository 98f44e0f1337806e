-- Stored field mappings: each save is a new immutable version; one version may be published (what map nodes run).

create table mappings (
    id                uuid primary key default gen_random_uuid(),
    name              text        not null,
    description       text        not null default '',
    latest_version    integer     not null default 0,
    published_version integer,
    created_by        text        not null,
    created_at        timestamptz not null default now(),
    updated_by        text        not null,
    updated_at        timestamptz not null default now(),
    constraint mappings_name_length check (char_length(btrim(name)) between 1 and 120),
    constraint mappings_description_length check (char_length(description) <= 2000)
);

create unique index mappings_name_key on mappings (lower(name));

create table mapping_versions (
    mapping_id uuid        not null references mappings (id) on delete cascade,
    version    integer     not null,
    definition jsonb       not null,
    comment    text        not null default '',
    created_by text        not null,
    created_at timestamptz not null default now(),
    primary key (mapping_id, version),
    constraint mapping_versions_version_positive check (version >= 1),
    constraint mapping_versions_comment_length check (char_length(comment) <= 500)
);

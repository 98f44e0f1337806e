-- Saved test cases of a stored mapping (golden samples): a sample record and the output the mapping must make of it.
-- The mapping editor runs them all on every change and before publishing.

create table mapping_test_cases (
    id         uuid primary key default gen_random_uuid(),
    mapping_id uuid        not null references mappings (id) on delete cascade,
    name       text        not null,
    sample     jsonb       not null,
    expected   jsonb       not null,
    created_by text        not null,
    created_at timestamptz not null default now(),
    constraint mapping_test_cases_name_length check (char_length(btrim(name)) between 1 and 120)
);

create index mapping_test_cases_mapping on mapping_test_cases (mapping_id, created_at);

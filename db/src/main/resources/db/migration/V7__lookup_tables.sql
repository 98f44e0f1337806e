-- Lookup tables as things of their own: a description, what a missing key means, and the labels of the two
-- columns (the header of their CSV form). Entries belong to a table and go with it.

create table lookup_tables (
    name        text primary key,
    description text        not null default '',
    missing_key text        not null default 'error',
    key_label   text        not null default 'key',
    value_label text        not null default 'value',
    updated_by  text        not null default 'system',
    updated_at  timestamptz not null default now(),
    constraint lookup_tables_name_form check (name ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    constraint lookup_tables_missing_key_known check (missing_key in ('error', 'null', 'passThrough')),
    constraint lookup_tables_description_length check (char_length(description) <= 2000)
);

insert into lookup_tables (name)
select distinct table_name from lookup_entries
where table_name ~ '^[a-z0-9][a-z0-9-]{0,62}$';

delete from lookup_entries where table_name not in (select name from lookup_tables);

alter table lookup_entries
    add constraint lookup_entries_table_fk foreign key (table_name) references lookup_tables (name) on delete cascade;

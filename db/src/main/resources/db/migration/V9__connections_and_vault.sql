-- Connections: one account of one connector (a seller account, a merchant account, a CRM organisation), with plain
-- settings here and its secrets sealed in connection_secrets. The id is a short readable slug that workflow
-- definitions name (e.g. "amazon-sandbox").

create table connections (
    id           text primary key,
    name         text        not null,
    connector_id text        not null,
    environment  text        not null,
    settings     jsonb       not null default '{}'::jsonb,
    -- changes with every change of a setting or secret, so that token caches keyed by it go stale
    revision     bigint      not null default 1,
    created_by   text        not null,
    created_at   timestamptz not null default now(),
    updated_by   text        not null,
    updated_at   timestamptz not null default now(),
    constraint connections_id_form check (id ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    constraint connections_name_length check (char_length(btrim(name)) between 1 and 120),
    constraint connections_environment_known check (environment in ('sandbox', 'production')),
    constraint connections_settings_object check (jsonb_typeof(settings) = 'object')
);

create unique index connections_name_key on connections (lower(name));

-- Secrets, envelope-encrypted (AES-256-GCM): the value under its own data key, the data key wrapped by the master
-- key named by key_id. The master key is not in the database. Connection id and field are the associated data.
create table connection_secrets (
    connection_id text        not null references connections (id) on delete cascade,
    field         text        not null,
    ciphertext    bytea       not null,
    nonce         bytea       not null,
    wrapped_key   bytea       not null,
    wrap_nonce    bytea       not null,
    key_id        text        not null,
    set_by        text        not null,
    set_at        timestamptz not null default now(),
    primary key (connection_id, field)
);

create index connection_secrets_key_id_idx on connection_secrets (key_id);

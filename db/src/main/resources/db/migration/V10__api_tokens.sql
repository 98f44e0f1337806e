-- Personal API tokens: a user's named credentials for /api/v1 (Authorization: Bearer jn_...). Only the SHA-256 hash of
-- a token is stored (hex); the prefix (first 8 characters of its random part) lets the user recognise it in lists.

create table api_tokens (
    id           uuid primary key default gen_random_uuid(),
    user_id      uuid        not null references users (id) on delete cascade,
    name         text        not null,
    token_hash   text        not null,
    prefix       text        not null,
    created_at   timestamptz not null default now(),
    expires_at   timestamptz,
    last_used_at timestamptz,
    revoked_at   timestamptz,
    constraint api_tokens_name_length check (char_length(btrim(name)) between 1 and 80),
    constraint api_tokens_token_hash_form check (token_hash ~ '^[0-9a-f]{64}$'),
    constraint api_tokens_prefix_length check (char_length(prefix) = 8),
    constraint api_tokens_token_hash_key unique (token_hash)
);

-- A user's tokens in force may not share a name, whatever its case; a revoked token frees its name for a new one.
create unique index api_tokens_user_name_key on api_tokens (user_id, lower(name)) where revoked_at is null;
create index api_tokens_user_idx on api_tokens (user_id, created_at desc);

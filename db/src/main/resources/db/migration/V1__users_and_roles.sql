-- People who sign in to Junction, and what each may do.

create table roles (
    name        text primary key,
    description text not null,
    constraint roles_name_known check (name in ('ADMIN', 'DESIGNER', 'OPERATOR', 'VIEWER'))
);

insert into roles (name, description) values
    ('ADMIN',    'Everything: users, connections and credentials included'),
    ('DESIGNER', 'Designs workflows and mappings, previews, starts manual runs, reads runs'),
    ('OPERATOR', 'Watches runs, retries, replays the dead-letter queue, handles alerts; reads workflows'),
    ('VIEWER',   'Reads workflows and runs; no credentials');

create table users (
    id            uuid primary key default gen_random_uuid(),
    username      text        not null,
    display_name  text        not null,
    password_hash text        not null,
    enabled       boolean     not null default true,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    -- user names are stored in lower case, so that the unique key is case-insensitive
    constraint users_username_format check (username ~ '^[a-z0-9][a-z0-9._@-]{0,63}$'),
    constraint users_username_key unique (username)
);

create table user_roles (
    user_id uuid not null references users (id) on delete cascade,
    role    text not null references roles (name),
    primary key (user_id, role)
);

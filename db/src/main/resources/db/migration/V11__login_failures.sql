-- Failed sign-ins, for the temporary lockout after repeated failures, and each user's last sign-in.

-- One row per user name tried (lower case; it need not name a user, so that a name that does not exist is locked
-- the same way as one that does and the answers tell nothing about which names exist). The counter restarts
-- when its window has passed, when a lock has ended, and is removed by a successful sign-in.
create table login_failures (
    username        text        primary key,
    failures        integer     not null,
    window_start    timestamptz not null,
    last_failed_at  timestamptz not null,
    last_source     text        not null,
    locked_until    timestamptz,
    constraint login_failures_failures_positive check (failures >= 0),
    constraint login_failures_username_length check (char_length(username) between 1 and 200)
);

alter table users add column last_login_at timestamptz;

-- Alerting: channels that carry notifications, rules that watch runs and connections, the alerts they raise with
-- their lifecycle (firing -> acknowledged -> resolved), and the notifications to send: an outbox written in the
-- transaction that fires, re-fires or resolves an alert, and delivered by whichever node claims the row first.

-- Where notifications go: e-mail, a Slack or Teams incoming webhook, a generic webhook (HMAC-SHA256 signed),
-- PagerDuty Events v2. Plain settings here; secrets (webhook URLs, signing keys, routing keys) sealed in the vault.
create table alert_channels (
    id         uuid primary key default gen_random_uuid(),
    name       text        not null,
    kind       text        not null,
    settings   jsonb       not null default '{}'::jsonb,
    enabled    boolean     not null default true,
    created_by text        not null,
    created_at timestamptz not null default now(),
    updated_by text        not null,
    updated_at timestamptz not null default now(),
    constraint alert_channels_kind_known check (kind in ('email', 'slack', 'teams', 'webhook', 'pagerduty')),
    constraint alert_channels_name_length check (char_length(btrim(name)) between 1 and 120),
    constraint alert_channels_settings_object check (jsonb_typeof(settings) = 'object')
);

create unique index alert_channels_name_key on alert_channels (lower(name));

-- A condition (a kind of dev.junction.backend.alerts.AlertCondition and its parameters) within a scope, the
-- channels it notifies, and when it is next evaluated (nodes claim due rules with "for update skip locked").
create table alert_rules (
    id                 uuid primary key default gen_random_uuid(),
    name               text        not null,
    enabled            boolean     not null default true,
    condition_kind     text        not null,
    parameters         jsonb       not null default '{}'::jsonb,
    workflow_id        uuid references workflows (id) on delete cascade,
    tag                text,
    connection_id      text references connections (id) on delete cascade,
    severity           text        not null default 'warning',
    channel_ids        uuid[]      not null default '{}',
    -- how often a still-firing, unacknowledged alert is sent again (null: never)
    renotify_minutes   integer,
    -- a message template for this rule's notifications (null: the channel's default)
    message_template   text,
    next_evaluation_at timestamptz not null default now(),
    -- what the condition remembers between evaluations (e.g. the last run end it has seen)
    evaluation_state   jsonb,
    created_by         text        not null,
    created_at         timestamptz not null default now(),
    updated_by         text        not null,
    updated_at         timestamptz not null default now(),
    constraint alert_rules_name_length check (char_length(btrim(name)) between 1 and 120),
    constraint alert_rules_severity_known check (severity in ('info', 'warning', 'critical')),
    constraint alert_rules_parameters_object check (jsonb_typeof(parameters) = 'object'),
    constraint alert_rules_renotify_positive check (renotify_minutes is null or renotify_minutes > 0)
);

create unique index alert_rules_name_key on alert_rules (lower(name));
create index alert_rules_due_idx on alert_rules (next_evaluation_at) where enabled;

-- One alert per rule and fingerprint while it is open; found again, it counts another occurrence.
create table alerts (
    id               uuid primary key default gen_random_uuid(),
    rule_id          uuid        not null references alert_rules (id) on delete cascade,
    fingerprint      text        not null,
    state            text        not null default 'firing',
    summary          text        not null,
    link             text,
    details          jsonb       not null default '{}'::jsonb,
    occurrences      integer     not null default 1,
    first_seen_at    timestamptz not null default now(),
    last_seen_at     timestamptz not null default now(),
    acknowledged_by  text,
    acknowledged_at  timestamptz,
    snoozed_until    timestamptz,
    resolved_at      timestamptz,
    resolved_by      text,
    resolution_note  text,
    last_notified_at timestamptz,
    constraint alerts_state_known check (state in ('firing', 'acknowledged', 'resolved'))
);

create unique index alerts_open_key on alerts (rule_id, fingerprint) where state <> 'resolved';
create index alerts_state_idx on alerts (state, last_seen_at desc);

-- The outbox: one row per notification to send (to one channel). Written with the change that causes it; a
-- dispatcher claims due rows (for update skip locked), sends, and marks them sent or schedules a retry.
-- Receivers may deduplicate by the row's id (sent as the idempotency key).
create table alert_notifications (
    id              bigint generated always as identity primary key,
    alert_id        uuid references alerts (id) on delete cascade,
    channel_id      uuid        not null references alert_channels (id) on delete cascade,
    reason          text        not null,
    message         jsonb       not null,
    state           text        not null default 'pending',
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_error      text,
    created_at      timestamptz not null default now(),
    sent_at         timestamptz,
    constraint alert_notifications_reason_known check (reason in ('firing', 'renotify', 'resolved', 'test')),
    constraint alert_notifications_state_known check (state in ('pending', 'sent', 'failed'))
);

create index alert_notifications_due_idx on alert_notifications (next_attempt_at) where state = 'pending';
create index alert_notifications_alert_idx on alert_notifications (alert_id, id);

-- While a window is open, alerts of its scope (a workflow, a connection, or everything) notify nobody.
create table maintenance_windows (
    id            uuid primary key default gen_random_uuid(),
    workflow_id   uuid references workflows (id) on delete cascade,
    connection_id text references connections (id) on delete cascade,
    starts_at     timestamptz not null,
    ends_at       timestamptz not null,
    reason        text        not null default '',
    created_by    text        not null,
    created_at    timestamptz not null default now(),
    constraint maintenance_windows_ordered check (ends_at > starts_at)
);

create index maintenance_windows_ends_idx on maintenance_windows (ends_at);

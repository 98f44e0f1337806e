-- Alert channels' secrets (Slack and Teams webhook URLs, webhook signing keys, PagerDuty routing keys), sealed like
-- connection secrets: AES-256-GCM, the value under its own data key, the data key wrapped by the master key named by
-- key_id. "alert-channel/<id>" and the field name are the associated data, so a row copied elsewhere does not open.
create table alert_channel_secrets (
    channel_id  uuid        not null references alert_channels (id) on delete cascade,
    field       text        not null,
    ciphertext  bytea       not null,
    nonce       bytea       not null,
    wrapped_key bytea       not null,
    wrap_nonce  bytea       not null,
    key_id      text        not null,
    set_by      text        not null,
    set_at      timestamptz not null default now(),
    primary key (channel_id, field)
);

create index alert_channel_secrets_key_id_idx on alert_channel_secrets (key_id);

-- A channel's latest notification (its last delivery status) without scanning the outbox.
create index alert_notifications_channel_idx on alert_notifications (channel_id, id desc);

-- Every node keeps the webhook targets it has looked up (a workflow's token and published version) in memory, so
-- that a webhook costs no query for them. A change of either is announced on the channel
-- junction_webhook_targets (the workflow's id as the payload), delivered to every listening node when the
-- changing transaction commits, whoever wrote it; the nodes forget that workflow's entry. Triggers, not the
-- application's writes, so that no path that publishes, unpublishes, deletes or rotates a token can forget it.

create function announce_webhook_target_change() returns trigger
    language plpgsql as
$$
begin
    if tg_table_name = 'workflows' then
        perform pg_notify('junction_webhook_targets', coalesce(new.id, old.id)::text);
    else
        perform pg_notify('junction_webhook_targets', coalesce(new.workflow_id, old.workflow_id)::text);
    end if;
    return null;
end
$$;

create trigger workflows_published_version_changed
    after update of published_version on workflows
    for each row when (old.published_version is distinct from new.published_version)
execute function announce_webhook_target_change();

create trigger workflows_deleted
    after delete on workflows
    for each row
execute function announce_webhook_target_change();

create trigger workflow_triggers_token_set
    after insert on workflow_triggers
    for each row
execute function announce_webhook_target_change();

create trigger workflow_triggers_token_changed
    after update of webhook_token, workflow_id on workflow_triggers
    for each row when (old.webhook_token is distinct from new.webhook_token or old.workflow_id <> new.workflow_id)
execute function announce_webhook_target_change();

create trigger workflow_triggers_deleted
    after delete on workflow_triggers
    for each row
execute function announce_webhook_target_change();

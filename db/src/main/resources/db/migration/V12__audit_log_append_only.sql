-- The audit log is append-only, enforced by the schema: UPDATE, DELETE and TRUNCATE of audit_log raise an error,
-- whichever code or person sends them; INSERT and SELECT are untouched.
--
-- Why a trigger and not privileges: REVOKE UPDATE, DELETE, TRUNCATE would need a second database role. Junction
-- connects with one role, which runs the Flyway migrations and therefore owns the table, and an owner can always
-- grant itself the privileges back. The trigger works with that single role. It stops the application, a bug, an
-- injected statement and a careless psql session; it does not stop someone who deliberately drops or disables it
-- with the owner's rights (which needs DDL, not just DML). Where the database is run by a DBA, make the tables
-- belong to a separate migration role and give the application role only INSERT and SELECT on audit_log (and
-- USAGE on its identity sequence): then the role cannot even remove the trigger.
--
-- Statement-level, so that it also fires for an UPDATE or DELETE that matches no row (no silent "0 rows").
create function audit_log_is_append_only() returns trigger
    language plpgsql as
$$
begin
    raise exception 'audit_log is append-only: % is not allowed', tg_op
        using errcode = 'insufficient_privilege',
              hint = 'Audit entries are never changed or removed; record a new entry instead.';
end;
$$;

create trigger audit_log_append_only
    before update or delete or truncate on audit_log
    for each statement execute function audit_log_is_append_only();

-- Filters of the audit log view and API (newest first by id): by user, by kind (a prefix of the action).
create index audit_log_actor_idx on audit_log (lower(actor), id desc);
create index audit_log_action_idx on audit_log (action text_pattern_ops, id);

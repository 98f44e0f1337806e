-- Run history outlives its workflow: deleting a workflow that has runs archives it instead. An archived workflow is
-- hidden from the list and from triggers (it has no published version); its versions and runs are kept, and its runs
-- stay readable under its name.
alter table workflows
    add column archived_at timestamptz,
    add column archived_by text,
    add constraint workflows_archived_by_whom check ((archived_at is null) = (archived_by is null));

-- An archived workflow gives its name up: a new workflow may take it.
drop index workflows_name_key;
create unique index workflows_name_key on workflows (lower(name)) where archived_at is null;

-- A workflow with runs can no longer be deleted, not even by a stray statement: runs are history.
alter table runs
    drop constraint runs_workflow_id_fkey,
    add constraint runs_workflow_id_fkey foreign key (workflow_id) references workflows (id) on delete restrict;

-- Workflow tags (docs/api.md "Workflows"): lower-case words (1 to 40 letters, digits, '-' or '_'), at most 20 per
-- workflow, kept sorted and without duplicates by the application. They scope alert rules and filter the workflows
-- and runs lists (`tags @> array[tag]`, which the GIN index answers).
alter table workflows add column tags text[] not null default '{}';
alter table workflows add constraint workflows_tags_at_most_20 check (cardinality(tags) <= 20);
create index workflows_tags_gin on workflows using gin (tags);

-- Until now an alert rule's tag scope matched '#tag' written in a workflow's name or description. Those words become
-- the workflow's tags, so that existing rules keep watching the same workflows (the text itself is left as it is).
update workflows w
set tags = found.tags
from (select id, array(select distinct lower(m[1])
                       from regexp_matches(name || ' ' || coalesce(description, ''), '#([A-Za-z0-9_-]{1,40})', 'g') m
                       order by 1
                       limit 20) as tags
      from workflows) found
where found.id = w.id and cardinality(found.tags) > 0;

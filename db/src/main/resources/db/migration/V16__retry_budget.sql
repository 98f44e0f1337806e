-- A step's retry budget: when it ends, set on its task by the step's first failure (a retry or a rate-limit wait
-- carries it on), and kept with each step record together with the node's budget, for the run page.

alter table step_tasks add column retry_deadline timestamptz;

alter table steps add column retry_deadline       timestamptz;
alter table steps add column retry_budget_seconds bigint;

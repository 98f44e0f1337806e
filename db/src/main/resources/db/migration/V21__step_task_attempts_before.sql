-- A replay from the failed step continues the step's attempt numbering (attempts 4, 5 after 1–3): the attempts its
-- step had before the replay. The retry policy counts only the replay's own attempts (the task's attempt).
alter table step_tasks add column attempts_before integer not null default 0;

-- Test runs started from the designer (trigger_kind 'test', of any saved version, published or not). A "run to
-- here" test run names the node it stops after: it runs only that node and the nodes that lead to it.
alter table runs add column stop_after_node text;

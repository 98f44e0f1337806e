-- The setup wizard's test input as the user edited it (a JSON object; null: the template's sample), kept in the
-- resumable draft so that leaving the wizard and coming back runs the test on the same input. json, not jsonb: the
-- user's text comes back with its keys in the order they wrote them.
alter table template_install_drafts add column test_input json;

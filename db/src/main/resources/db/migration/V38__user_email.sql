-- An optional e-mail address per user (issue 18, OPS-4 "assign with notification"): where Junction writes to the
-- user, e.g. when an error group is assigned to them. Checked by the users' service (a clear field error); the
-- constraint is the last guard: one address, at most 254 characters (RFC 5321), no spaces, with an @.
alter table users add column email text;
alter table users add constraint users_email_form
    check (email is null or (char_length(email) <= 254 and email ~ '^[^@\s]+@[^@\s]+$'));

-- The runs list at scale (issue 18, OPS-2): a run's error category, saved views and each user's columns.

-- The ErrorCategory of the run's error class (its json name), set with the error class when the run ends
-- (RunEnding) and cleared with it on a replay, so that a category filter is an indexed equality instead of a
-- class-by-class match. Runs that ended before this migration are backfilled below with the same placement as
-- ErrorCategory.of (RunsListMigrationTest checks that the two agree).
alter table runs add column error_category text;

update runs set error_category = case
    when error_class in ('AuthenticationFailed', 'AuthenticationUnavailable', 'PermissionDenied', 'SecretUnreadable')
        then 'auth'
    when error_class in ('Unreachable', 'ConnectionRefused', 'ConnectionReset', 'UnknownHost', 'TlsFailure',
                         'Timeout', 'Refused')
        then 'connection'
    when error_class in ('RemoteUnavailable', 'Interrupted', 'ReportNotReady', 'DocumentUrlExpired', 'MailFailed',
                         'WaitTimedOut')
        then 'intermittent'
    when error_class = 'RateLimited' then 'rate_limit'
    when error_class in ('RemoteValidation', 'InvalidInput', 'InvalidConfig', 'InvalidSetting', 'InvalidState',
                         'MappingError', 'Ambiguous', 'ForeignLink')
        then 'validation'
    when error_class in ('NotFound', 'UnknownConnection', 'UnknownConnector', 'UnknownOperation', 'UnknownChannel',
                         'MissingSetting', 'MissingSecret', 'NotConfigured', 'WorkflowUnavailable')
        then 'missing'
    when error_class = 'Conflict' then 'duplicate'
    when error_class = 'ResponseTooLarge' then 'too_large'
    when error_class in ('NotJson', 'MalformedDocument', 'UnexpectedAnswer') then 'parse'
    when error_class like 'Duplicate%' then 'duplicate'
    when error_class like 'Expression%' or error_class like 'Script%' or error_class like 'Invalid%'
        or error_class like 'Mapping%' or error_class like '%Validation' then 'validation'
    when error_class like '%TooLarge' then 'too_large'
    when error_class like 'Missing%' or error_class like 'Unknown%' then 'missing'
    when error_class like 'Auth%' then 'auth'
    else 'other' end
where error_class is not null and error_class <> '';

-- Filters by category, error class and trigger page by (created_at, id) like the other list indexes.
create index runs_category_created_idx on runs (error_category, created_at desc, id desc)
    where error_category is not null;
create index runs_error_class_created_idx on runs (error_class, created_at desc, id desc)
    where error_class is not null;

-- A saved view of the runs list: its filters as the list's URL query (RunsQuery, without view=) and its columns.
-- Views belong to the user who saved them.
create table run_views (
    id         uuid primary key,
    owner      text        not null,
    name       text        not null,
    filters    text        not null default '',
    columns    text[]      not null default '{}',
    created_at timestamptz not null default now(),
    constraint run_views_name_length check (char_length(name) between 1 and 100),
    constraint run_views_filters_length check (char_length(filters) <= 2000)
);
create unique index run_views_owner_name_key on run_views (owner, lower(name));

-- The runs list's columns each user chose (column keys, in order).
create table run_list_columns (
    owner   text primary key,
    columns text[] not null
);

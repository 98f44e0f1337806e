-- Settlement reconciliation: Amazon settlements fetched through an Amazon connection, reconciliation runs against
-- an Opayo connection's transactions and batches, and what each run found — settlement lines with their outcome,
-- matches, unmatched items of either side, discrepancies and balanced journal lines. Amounts are whole minor units.
-- Re-running a settlement adds a new run (the latest is the settlement's current one, older runs stay as history);
-- resolutions belong to the settlement, keyed by a discrepancy's fingerprint, so they carry over to later runs.
-- The fee → general-ledger account rules are the lookup table 'reconciliation-fee-accounts' (seeded by the service).

create table reconciliation_settlements (
    id                   bigint generated always as identity primary key,
    amazon_connection_id text        not null,
    settlement_id        text        not null,
    report_id            text,
    report_document_id   text,
    period_start         timestamptz,
    period_end           timestamptz,
    deposit_date         timestamptz,
    total_minor          bigint,
    currency             text        not null,
    line_count           integer     not null,
    document             jsonb       not null,
    fetched_by           text        not null,
    fetched_at           timestamptz not null default now(),
    constraint reconciliation_settlements_unique unique (amazon_connection_id, settlement_id),
    constraint reconciliation_settlements_currency_form check (currency ~ '^[A-Z]{3}$')
);

create table reconciliation_runs (
    id                       uuid primary key,
    settlement_ref           bigint      not null references reconciliation_settlements (id) on delete cascade,
    opayo_connection_id      text        not null,
    status                   text        not null,
    summary                  jsonb       not null,
    fraud_hints              jsonb       not null default '[]',
    discrepancy_count        integer     not null,
    started_by               text        not null,
    started_at               timestamptz not null default now(),
    dynamics_connection_id   text,
    dynamics_written_at      timestamptz,
    dynamics_written_by      text,
    constraint reconciliation_runs_status_known check (status in ('balanced', 'discrepancies', 'unbalanced'))
);

create index reconciliation_runs_settlement on reconciliation_runs (settlement_ref, started_at desc);

create table reconciliation_lines (
    run_id             uuid    not null references reconciliation_runs (id) on delete cascade,
    line_no            integer not null,
    line_id            text    not null,
    transaction_type   text,
    order_id           text,
    amount_type        text,
    amount_description text,
    amount_minor       bigint  not null,
    currency           text    not null,
    posted_date        date,
    sku                text,
    outcome            text    not null,
    match_id           text,
    gl_account         text,
    primary key (run_id, line_no)
);

create table reconciliation_matches (
    run_id               uuid    not null references reconciliation_runs (id) on delete cascade,
    match_no             integer not null,
    match_id             text    not null,
    order_id             text,
    type                 text    not null,
    basis                text    not null,
    transaction_id       text    not null,
    settlement_minor     bigint  not null,
    settlement_currency  text    not null,
    transaction_minor    bigint  not null,
    transaction_currency text    not null,
    rate                 numeric(20, 10),
    converted_minor      bigint  not null,
    difference_minor     bigint  not null,
    day_difference       bigint  not null,
    line_ids             jsonb   not null default '[]',
    hints                jsonb   not null default '[]',
    primary key (run_id, match_no)
);

create table reconciliation_unmatched (
    run_id       uuid    not null references reconciliation_runs (id) on delete cascade,
    item_no      integer not null,
    side         text    not null,
    item_id      text    not null,
    order_id     text,
    amount_minor bigint  not null,
    currency     text    not null,
    reason       text    not null,
    explanation  text    not null default '',
    primary key (run_id, item_no),
    constraint reconciliation_unmatched_side_known check (side in ('settlement', 'payment'))
);

create table reconciliation_discrepancies (
    run_id          uuid    not null references reconciliation_runs (id) on delete cascade,
    item_no         integer not null,
    kind            text    not null,
    fingerprint     text    not null,
    order_id        text,
    line_ids        jsonb   not null default '[]',
    transaction_ids jsonb   not null default '[]',
    expected_minor  bigint,
    actual_minor    bigint,
    currency        text,
    message         text    not null,
    primary key (run_id, item_no)
);

create index reconciliation_discrepancies_fingerprint on reconciliation_discrepancies (run_id, fingerprint);

create table reconciliation_resolutions (
    settlement_ref bigint      not null references reconciliation_settlements (id) on delete cascade,
    fingerprint    text        not null,
    note           text        not null,
    resolved_by    text        not null,
    resolved_at    timestamptz not null default now(),
    primary key (settlement_ref, fingerprint),
    constraint reconciliation_resolutions_note_length check (char_length(note) between 1 and 2000)
);

create table reconciliation_journal_lines (
    run_id            uuid    not null references reconciliation_runs (id) on delete cascade,
    line_no           integer not null,
    entry_id          text    not null,
    entry_date        date    not null,
    entry_description text    not null default '',
    line_number       integer not null,
    account           text    not null,
    account_name      text    not null default '',
    debit_minor       bigint  not null,
    credit_minor      bigint  not null,
    currency          text    not null,
    original_minor    bigint  not null,
    original_currency text    not null,
    rate              numeric(20, 10),
    memo              text    not null default '',
    reference         text    not null default '',
    primary key (run_id, line_no),
    constraint reconciliation_journal_lines_one_side check (debit_minor >= 0 and credit_minor >= 0)
);

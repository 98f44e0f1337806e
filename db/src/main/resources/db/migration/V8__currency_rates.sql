-- Exchange rates for mappings' currency conversion: a rate is in effect from its date until the next one of the
-- same pair; the source (e.g. "ECB") is named in every conversion's output.

create table currency_rates (
    id             bigint generated always as identity primary key,
    from_currency  char(3)       not null,
    to_currency    char(3)       not null,
    rate           numeric(20, 10) not null,
    effective_from date          not null,
    source         text          not null default '',
    created_by     text          not null,
    created_at     timestamptz   not null default now(),
    constraint currency_rates_pair_unique unique (from_currency, to_currency, effective_from),
    constraint currency_rates_codes_form check (from_currency ~ '^[A-Z]{3}$' and to_currency ~ '^[A-Z]{3}$'
        and from_currency <> to_currency),
    constraint currency_rates_rate_positive check (rate > 0),
    constraint currency_rates_source_length check (char_length(source) <= 200)
);

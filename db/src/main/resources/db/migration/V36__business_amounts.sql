-- Business amounts of runs (issue 18, OPS-8): a workflow may say where its runs' amount is (an order's total, a
-- payment's value, a settlement's charges and fees); each run that succeeds records it as it ends, and the rollup
-- folder adds it up by hour next to the run counts. Anomaly flags on order value, refund share and settlement fees
-- read those hourly sums, never the runs.

-- Where a workflow's amounts are. Expressions are paths into the run's data, as the expression language names it:
-- trigger.<path> (the trigger's payload) or nodes.<node id>.<path> (a step's output); array items as numbers
-- (trigger.lines.0.amount). kind: 'sale', 'refund', 'settlement' (the amount is settled; fee_expression its fees),
-- 'sign' (a negative amount is a refund of its absolute value) or 'expression' (kind_expression gives "refund" or
-- anything else for a sale). The currency is a fixed ISO 4217 code or currency_expression. minor_units: the values
-- are in minor units (pence, cents: divided by 100).
create table workflow_amount_settings (
    workflow_id         uuid primary key references workflows (id) on delete cascade,
    amount_expression   text        not null,
    kind                text        not null,
    kind_expression     text,
    currency            text,
    currency_expression text,
    fee_expression      text,
    minor_units         boolean     not null default false,
    updated_by          text        not null,
    updated_at          timestamptz not null default now(),
    constraint workflow_amount_settings_kind check (kind in ('sale', 'refund', 'settlement', 'sign', 'expression')),
    constraint workflow_amount_settings_currency check (
        (currency is not null and currency ~ '^[A-Z]{3}$') <> (currency_expression is not null))
);

-- What a run ending recorded (null when its workflow records no amount or the run's data had none).
alter table run_endings
    add column amount      numeric,
    add column currency    text,
    add column amount_kind text,
    add column fee         numeric;

-- Amounts of the runs that ended per hour, workflow and currency ('' when unknown): sales and refunds (counts and
-- sums, positive), settlements (count, settled amount, fees, positive).
create table run_amount_rollups (
    hour           timestamptz not null,
    workflow_id    uuid        not null references workflows (id) on delete cascade,
    currency       text        not null,
    sales          bigint      not null default 0,
    sale_amount    numeric     not null default 0,
    refunds        bigint      not null default 0,
    refund_amount  numeric     not null default 0,
    settlements    bigint      not null default 0,
    settled_amount numeric     not null default 0,
    fee_amount     numeric     not null default 0,
    primary key (hour, workflow_id, currency)
);

create index run_amount_rollups_workflow_hour_idx on run_amount_rollups (workflow_id, hour);

-- The JSON value at an expression's path in a run's data: trigger.<path> or nodes.<node>.<path> (that node's latest
-- succeeded step). Null when the run, the step or the path is missing.
create function run_value(p_run uuid, p_expression text) returns jsonb
    language plpgsql stable as $$
declare
    parts text[] := string_to_array(p_expression, '.');
    doc   jsonb;
begin
    if p_expression is null then
        return null;
    elsif parts[1] = 'trigger' then
        select coalesce(r.input, p.body) into doc
        from runs r left join payloads p on p.hash = r.input_ref where r.id = p_run;
        return doc #> coalesce(parts[2:], '{}');
    elsif parts[1] = 'nodes' and cardinality(parts) >= 2 then
        select coalesce(s.output, p.body) into doc
        from steps s left join payloads p on p.hash = s.output_ref
        where s.run_id = p_run and s.node_id = parts[2] and s.status = 'succeeded'
        order by s.id desc limit 1;
        return doc #> coalesce(parts[3:], '{}');
    end if;
    return null;
end $$;

-- A JSON number, or a string that is one ("45.20"), as numeric; else null.
create function json_amount(value jsonb) returns numeric
    language sql immutable as $$
    select case
        when jsonb_typeof(value) = 'number' then (value #>> '{}')::numeric
        when jsonb_typeof(value) = 'string' and btrim(value #>> '{}') ~ '^-?[0-9]+(\.[0-9]+)?$'
            then btrim(value #>> '{}')::numeric
    end
$$;

-- The amount a run of a workflow records as it ends with status p_status: only runs that succeeded record one.
create function run_amount(p_run uuid, p_workflow uuid, p_status text)
    returns table (amount numeric, currency text, amount_kind text, fee numeric)
    language sql stable as $$
    with s as (select * from workflow_amount_settings where workflow_id = p_workflow and p_status = 'succeeded'),
         v as (select s.*,
                      json_amount(run_value(p_run, s.amount_expression))
                          / (case when s.minor_units then 100 else 1 end) as value,
                      json_amount(run_value(p_run, s.fee_expression))
                          / (case when s.minor_units then 100 else 1 end) as fee_value,
                      coalesce(s.currency, upper(run_value(p_run, s.currency_expression) #>> '{}')) as code,
                      lower(run_value(p_run, s.kind_expression) #>> '{}') as said
               from s)
    select abs(value),
           case when code ~ '^[A-Z]{3}$' then code else '' end,
           case kind
               when 'sign' then case when value < 0 then 'refund' else 'sale' end
               when 'expression' then case when said in ('refund', 'refunded', 'return') then 'refund' else 'sale' end
               else kind end,
           abs(fee_value)
    from v where value is not null
$$;

-- Token buckets of connector operations per connection (SP-API usage plans and the like), shared by every node
-- that runs workflows against this database: a call takes a token here, in one statement.

create table rate_limit_buckets (
    connection_id text             not null,
    operation     text             not null,
    tokens        double precision not null,
    updated_at    timestamptz      not null,
    primary key (connection_id, operation)
);

-- Takes a token from the bucket (created full on first use) after refilling it at `rate` tokens per second up to
-- `burst`. Answers 0 when a token was taken, else the seconds until one will be there (nothing is taken then).
create function take_rate_limit_token(p_connection text, p_operation text, p_rate double precision,
                                      p_burst integer) returns double precision
    language plpgsql as
$$
declare
    now_at     timestamptz := clock_timestamp();
    available  double precision;
begin
    insert into rate_limit_buckets (connection_id, operation, tokens, updated_at)
    values (p_connection, p_operation, p_burst, now_at)
    on conflict (connection_id, operation) do nothing;

    select least(p_burst, b.tokens + greatest(0, extract(epoch from (now_at - b.updated_at))) * p_rate)
    into available
    from rate_limit_buckets b
    where b.connection_id = p_connection and b.operation = p_operation
        for update;

    if available >= 1 then
        update rate_limit_buckets set tokens = available - 1, updated_at = now_at
        where connection_id = p_connection and operation = p_operation;
        return 0;
    end if;
    update rate_limit_buckets set tokens = available, updated_at = now_at
    where connection_id = p_connection and operation = p_operation;
    return (1 - available) / p_rate;
end;
$$;

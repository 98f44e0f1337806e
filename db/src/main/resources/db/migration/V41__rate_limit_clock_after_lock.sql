-- take_rate_limit_token read the clock before it waited for the bucket's row lock. A call that waited behind
-- another then wrote an updated_at older than the one it found, and the next call refilled that stretch of time a
-- second time: under contention (several workers on one connection) the buckets handed out more tokens than their
-- rate, and the remote answered 429. The clock is now read once the row is locked, and updated_at never moves back.

create or replace function take_rate_limit_token(p_connection text, p_operation text, p_rate double precision,
                                                 p_burst integer) returns double precision
    language plpgsql as
$$
declare
    held_tokens double precision;
    held_since  timestamptz;
    now_at      timestamptz;
    available   double precision;
begin
    insert into rate_limit_buckets (connection_id, operation, tokens, updated_at)
    values (p_connection, p_operation, p_burst, clock_timestamp())
    on conflict (connection_id, operation) do nothing;

    select b.tokens, b.updated_at
    into held_tokens, held_since
    from rate_limit_buckets b
    where b.connection_id = p_connection and b.operation = p_operation
        for update;

    now_at := greatest(clock_timestamp(), held_since);
    available := least(p_burst, held_tokens + extract(epoch from (now_at - held_since)) * p_rate);

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

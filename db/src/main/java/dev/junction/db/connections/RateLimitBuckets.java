package dev.junction.db.connections;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

import java.time.Duration;

/**
 * Token buckets per connection and operation in PostgreSQL, so that every node running workflows against one
 * database keeps one remote quota together (a bucket in each node's memory would let n nodes spend n times it).
 */
public class RateLimitBuckets {

    private final DSLContext db;

    public RateLimitBuckets(DSLContext db) {
        this.db = db;
    }

    /**
     * Takes a token (answers zero) or answers how long until the next one is there, taking nothing. The bucket fills
     * at {@code perSecond} up to {@code burst}, and starts full.
     */
    public Duration take(String connectionId, String operation, double perSecond, int burst) {
        Double seconds = db.select(DSL.function("take_rate_limit_token", SQLDataType.DOUBLE, DSL.val(connectionId),
                DSL.val(operation), DSL.val(perSecond), DSL.val(burst))).fetchOne(0, Double.class);
        return seconds == null || seconds <= 0 ? Duration.ZERO : Duration.ofNanos((long) Math.ceil(seconds * 1e9));
    }
}

package dev.junction.db.rates;

import dev.junction.engine.mapping.CurrencyRates;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static dev.junction.db.schema.Tables.CURRENCY_RATES;

/**
 * The editable, date-effective exchange rates table; also the {@link CurrencyRates} port mappings convert with:
 * the rate in effect on a date is the latest of the pair whose effective date is not after it.
 */
public class CurrencyRateRepository implements CurrencyRates {

    private final DSLContext db;

    public CurrencyRateRepository(DSLContext db) {
        this.db = db;
    }

    @Override
    public Optional<Rate> rate(String from, String to, LocalDate date) {
        return db.selectFrom(CURRENCY_RATES)
                .where(CURRENCY_RATES.FROM_CURRENCY.eq(from), CURRENCY_RATES.TO_CURRENCY.eq(to),
                        CURRENCY_RATES.EFFECTIVE_FROM.le(date))
                .orderBy(CURRENCY_RATES.EFFECTIVE_FROM.desc()).limit(1)
                .fetchOptional(row -> new Rate(row.getRate().stripTrailingZeros(), row.getEffectiveFrom(),
                        row.getSource()));
    }

    /** Rates, newest effective date first, of one pair's side when given. */
    public List<StoredRate> list(String from, String to) {
        Condition condition = DSL.noCondition();
        if (from != null) {
            condition = condition.and(CURRENCY_RATES.FROM_CURRENCY.eq(from));
        }
        if (to != null) {
            condition = condition.and(CURRENCY_RATES.TO_CURRENCY.eq(to));
        }
        return db.selectFrom(CURRENCY_RATES).where(condition)
                .orderBy(CURRENCY_RATES.FROM_CURRENCY, CURRENCY_RATES.TO_CURRENCY, CURRENCY_RATES.EFFECTIVE_FROM.desc())
                .fetch(row -> new StoredRate(row.getId(), row.getFromCurrency(), row.getToCurrency(),
                        row.getRate().stripTrailingZeros(), row.getEffectiveFrom(), row.getSource(), row.getCreatedBy(),
                        row.getCreatedAt()));
    }

    /** Adds a rate; empty when the pair has one for that date already. */
    public Optional<Long> add(String from, String to, BigDecimal rate, LocalDate effectiveFrom, String source,
                              String actor) {
        return db.insertInto(CURRENCY_RATES)
                .set(CURRENCY_RATES.FROM_CURRENCY, from).set(CURRENCY_RATES.TO_CURRENCY, to)
                .set(CURRENCY_RATES.RATE, rate).set(CURRENCY_RATES.EFFECTIVE_FROM, effectiveFrom)
                .set(CURRENCY_RATES.SOURCE, source).set(CURRENCY_RATES.CREATED_BY, actor)
                .onConflictDoNothing().returning(CURRENCY_RATES.ID).fetchOptional().map(row -> row.getId());
    }

    public boolean delete(long id) {
        return db.deleteFrom(CURRENCY_RATES).where(CURRENCY_RATES.ID.eq(id)).execute() == 1;
    }
}

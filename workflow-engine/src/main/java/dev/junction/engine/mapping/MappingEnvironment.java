package dev.junction.engine.mapping;

import dev.junction.engine.runs.LookupTables;

import java.util.Objects;
import java.util.Optional;

/** What a mapping reads besides its input: lookup tables and exchange rates. */
public record MappingEnvironment(LookupTables lookups, CurrencyRates rates) {

    public static final MappingEnvironment NONE = new MappingEnvironment((table, key) -> Optional.empty(),
            CurrencyRates.NONE);

    public MappingEnvironment {
        Objects.requireNonNull(lookups, "lookups");
        Objects.requireNonNull(rates, "rates");
    }
}

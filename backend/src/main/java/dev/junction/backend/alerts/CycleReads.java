package dev.junction.backend.alerts;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the conditions read once per evaluation cycle and share between its rules: each condition kind reads the
 * runs (or rollups, or workflows) of every workflow once — keyed by what the read depends on, e.g. the window's
 * length — and each rule takes its scope's part in memory, instead of one read per rule. One instance lives for one
 * {@code evaluateDue(now)} on one node (all its rules see the same {@code now}); a rule evaluated on its own gets a
 * fresh one. Not shared between threads.
 */
public final class CycleReads {

    private final Map<Object, Object> read = new HashMap<>();
    private int reads;

    /** The value read for {@code key} in this cycle; {@code reader} reads it the first time. */
    @SuppressWarnings("unchecked")
    public <T> T once(Object key, Supplier<T> reader) {
        Object value = read.get(key);
        if (value == null) {
            value = reader.get();
            read.put(key, value);
            reads++;
        }
        return (T) value;
    }

    /** How many distinct reads this cycle made so far. */
    public int reads() {
        return reads;
    }
}

package dev.junction.connectors.opayo;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where a reconciliation poll goes on: the end of the last window asked (a whole second) and the ids answered with
 * exactly that date. The next window starts at that instant again (the Reporting API's dates are whole seconds and
 * the bounds are inclusive), so a row dated then that became visible later is still found, and the ones already
 * answered are left out. Written as {@code 2026-12-01T10:00:00Z|0E1F…,8A2B…} (the ids sorted).
 */
record ReportingCursor(Instant after, Set<String> seenAtAfter) {

    ReportingCursor {
        seenAtAfter = Set.copyOf(seenAtAfter);
    }

    static Optional<ReportingCursor> parse(String text) {
        String[] parts = text.split("\\|", 2);
        try {
            Instant after = Instant.parse(parts[0].trim());
            Set<String> seen = parts.length < 2 ? Set.of() : Set.copyOf(Arrays.stream(parts[1].split(","))
                    .map(String::trim).filter(id -> !id.isEmpty()).toList());
            return Optional.of(new ReportingCursor(after, seen));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Whether the row with this id and date was answered by an earlier poll. */
    boolean seen(String id, Instant date) {
        return date.equals(after) && seenAtAfter.contains(id);
    }

    /** The cursor after answering {@code id} dated {@code date} too. */
    ReportingCursor advance(String id, Instant date) {
        if (date.isAfter(after)) {
            return new ReportingCursor(date, Set.of(id));
        }
        if (date.equals(after)) {
            Set<String> seen = new HashSet<>(seenAtAfter);
            seen.add(id);
            return new ReportingCursor(after, seen);
        }
        return this;
    }

    /** The cursor once the whole window up to {@code end} was read: at {@code end}, keeping the ids dated then. */
    ReportingCursor closedAt(Instant end) {
        return end.isAfter(after) ? new ReportingCursor(end, Set.of()) : this;
    }

    String write() {
        return seenAtAfter.isEmpty() ? after.toString() : after + "|" + String.join(",", new TreeSet<>(seenAtAfter));
    }
}

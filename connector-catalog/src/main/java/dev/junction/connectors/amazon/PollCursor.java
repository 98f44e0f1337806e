package dev.junction.connectors.amazon;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where a poll goes on: the newest date seen (an order's {@code LastUpdateDate}, a settlement report's
 * {@code createdTime}) and the ids seen with exactly that date — SP-API answers what changed at or after the date
 * asked, so these come again and are left out. Written as
 * {@code 2026-12-01T10:00:00Z|111-4830211-0000101,111-4830211-0000102}.
 */
record PollCursor(Instant after, Set<String> seenAtAfter) {

    PollCursor {
        seenAtAfter = Set.copyOf(seenAtAfter);
    }

    static Optional<PollCursor> parse(String text) {
        String[] parts = text.split("\\|", 2);
        try {
            Instant after = Instant.parse(parts[0].trim());
            Set<String> seen = parts.length < 2 ? Set.of() : Set.copyOf(Arrays.stream(parts[1].split(","))
                    .map(String::trim).filter(id -> !id.isEmpty()).toList());
            return Optional.of(new PollCursor(after, seen));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Whether the thing with this id and date was answered by an earlier poll. */
    boolean seen(String id, Instant date) {
        return date.equals(after) && seenAtAfter.contains(id);
    }

    /** The cursor after answering {@code id} with {@code date} too. */
    PollCursor advance(String id, Instant date) {
        if (date.isAfter(after)) {
            return new PollCursor(date, Set.of(id));
        }
        if (date.equals(after)) {
            Set<String> seen = new HashSet<>(seenAtAfter);
            seen.add(id);
            return new PollCursor(after, seen);
        }
        return this;
    }

    String write() {
        return seenAtAfter.isEmpty() ? after.toString() : after + "|" + String.join(",", new TreeSet<>(seenAtAfter));
    }
}

package dev.junction.engine.runs;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A step's retry budget once a failure started it: the node's {@code budget} and the {@code deadline} it ends at
 * (the step is not tried again after it). The run page shows it ("retrying until 15:42, budget 15 min").
 */
public record RetryWindow(Instant deadline, Duration budget) {

    public RetryWindow {
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(budget, "budget");
    }
}

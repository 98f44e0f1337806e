package dev.junction.backend.runs;

/**
 * A group of run starts could not be committed ({@link RunIntakeGroups}): none of its runs was started, and every
 * caller in the group is told so (a webhook answers 503 with {@code Retry-After}: the sender is to try again).
 */
public final class RunIntakeFailedException extends RuntimeException {

    RunIntakeFailedException(int groupSize, Throwable cause) {
        super("the run could not be committed (with " + (groupSize - 1) + " other run start(s) of its group);"
                + " nothing was started: " + cause.getMessage(), cause);
    }
}

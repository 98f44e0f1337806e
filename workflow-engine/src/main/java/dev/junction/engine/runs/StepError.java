package dev.junction.engine.runs;

import java.util.Objects;

/**
 * Why a step failed: a short class (e.g. {@code RateLimited}, {@code ScriptError}, {@code ScriptLimit}), a message
 * for a person, and, for a connector call, the remote status and an excerpt of the remote answer.
 */
public record StepError(String errorClass, String message, Integer remoteStatus, String remoteBody) {

    public StepError {
        Objects.requireNonNull(errorClass, "errorClass");
        Objects.requireNonNull(message, "message");
    }

    public StepError(String errorClass, String message) {
        this(errorClass, message, null, null);
    }
}

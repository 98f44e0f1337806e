package dev.junction.engine.connectors;

import java.time.Duration;
import java.util.Optional;

/**
 * A connector call that failed. Only a {@link #retryable()} failure (HTTP 429, 5xx, a timeout, a reset connection)
 * is tried again; {@link #retryAfter()} carries the remote API's {@code Retry-After} when it sent one. The remote
 * status and an excerpt of its answer are kept with the step for the people who look into the failure.
 */
public class ConnectorException extends Exception {

    /** How much of a remote answer a failure keeps. */
    public static final int BODY_EXCERPT_LENGTH = 2_000;

    private final String errorClass;
    private final boolean retryable;
    private final Duration retryAfter;
    private final Integer remoteStatus;
    private final String remoteBody;

    public ConnectorException(String errorClass, String message, boolean retryable, Duration retryAfter,
                              Integer remoteStatus, String remoteBody) {
        super(message);
        this.errorClass = errorClass;
        this.retryable = retryable;
        this.retryAfter = retryAfter;
        this.remoteStatus = remoteStatus;
        this.remoteBody = remoteBody == null || remoteBody.length() <= BODY_EXCERPT_LENGTH ? remoteBody
                : remoteBody.substring(0, BODY_EXCERPT_LENGTH) + "…";
    }

    /** A failure that may pass when tried again (after {@code retryAfter} when the remote side said so). */
    public static ConnectorException transientFailure(String errorClass, String message, Duration retryAfter,
                                                      Integer remoteStatus, String remoteBody) {
        return new ConnectorException(errorClass, message, true, retryAfter, remoteStatus, remoteBody);
    }

    /** A failure that trying again will not mend (a refused card, a validation error of the remote API). */
    public static ConnectorException permanentFailure(String errorClass, String message, Integer remoteStatus,
                                                      String remoteBody) {
        return new ConnectorException(errorClass, message, false, null, remoteStatus, remoteBody);
    }

    /** A short name of the kind of failure, e.g. {@code RateLimited}, {@code RemoteValidation}, {@code Timeout}. */
    public String errorClass() {
        return errorClass;
    }

    public boolean retryable() {
        return retryable;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public Integer remoteStatus() {
        return remoteStatus;
    }

    public String remoteBody() {
        return remoteBody;
    }
}

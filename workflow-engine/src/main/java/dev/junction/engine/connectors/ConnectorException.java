package dev.junction.engine.connectors;

import java.time.Duration;
import java.util.Optional;

/**
 * A connector call that failed. Only a {@link #retryable()} failure (HTTP 429, 5xx, a timeout, a reset connection)
 * is tried again; {@link #retryAfter()} carries the remote API's {@code Retry-After} when it sent one. The remote
 * status and an excerpt of its answer are kept with the step for the people who look into the failure.
 *
 * <p>Two kinds of retryable failure are no failed attempt but a request to wait ({@link #waitReason()}): our own
 * token bucket of the operation is empty ({@link WaitReason#OWN_RATE_LIMIT}), or the remote API answered that it is
 * rate limited and said how long to wait ({@link WaitReason#REMOTE_RATE_LIMIT}: a 429 with {@code Retry-After}).
 */
public class ConnectorException extends Exception {

    /** How much of a remote answer a failure keeps. */
    public static final int BODY_EXCERPT_LENGTH = 2_000;

    private final String errorClass;
    private final boolean retryable;
    private final Duration retryAfter;
    private final Integer remoteStatus;
    private final String remoteBody;
    private final WaitReason waitReason;

    /** Why a retryable failure is only a request to wait, not a failed attempt. */
    public enum WaitReason {
        /** Our own token bucket of the operation is empty: nothing was sent. */
        OWN_RATE_LIMIT,
        /** The remote API answered that it is rate limited and said how long to wait. */
        REMOTE_RATE_LIMIT
    }

    public ConnectorException(String errorClass, String message, boolean retryable, Duration retryAfter,
                              Integer remoteStatus, String remoteBody) {
        this(errorClass, message, retryable, retryAfter, remoteStatus, remoteBody, null);
    }

    private ConnectorException(String errorClass, String message, boolean retryable, Duration retryAfter,
                               Integer remoteStatus, String remoteBody, WaitReason waitReason) {
        super(message);
        this.waitReason = retryAfter == null ? null : waitReason;
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

    /**
     * Our own token bucket of an operation is empty and the next token is {@code wait} away: run the step again
     * then (nothing was sent; not a failed attempt).
     */
    public static ConnectorException throttled(String message, Duration wait) {
        return new ConnectorException("RateLimited", message, true, wait, null, null, WaitReason.OWN_RATE_LIMIT);
    }

    /**
     * The remote API answered that it is rate limited and asked to wait {@code wait} (its {@code Retry-After}, or
     * what its announced rate implies): not a failed attempt.
     */
    public static ConnectorException remoteRateLimited(String errorClass, String message, Duration wait,
                                                       Integer remoteStatus, String remoteBody) {
        return new ConnectorException(errorClass, message, true, wait, remoteStatus, remoteBody,
                WaitReason.REMOTE_RATE_LIMIT);
    }

    /** A failure that trying again will not mend (a refused card, a validation error of the remote API). */
    public static ConnectorException permanentFailure(String errorClass, String message, Integer remoteStatus,
                                                      String remoteBody) {
        return new ConnectorException(errorClass, message, false, null, remoteStatus, remoteBody);
    }

    /** The same failure with another message and remote body (e.g. with secrets blanked out of them). */
    public ConnectorException withText(String message, String remoteBody) {
        return new ConnectorException(errorClass, message, retryable, retryAfter, remoteStatus, remoteBody,
                waitReason);
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

    /** Why this failure is only a request to wait (then {@link #retryAfter()} says how long); empty otherwise. */
    public Optional<WaitReason> waitReason() {
        return Optional.ofNullable(waitReason);
    }

    public Integer remoteStatus() {
        return remoteStatus;
    }

    public String remoteBody() {
        return remoteBody;
    }
}

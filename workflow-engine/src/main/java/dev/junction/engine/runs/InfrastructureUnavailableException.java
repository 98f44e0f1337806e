package dev.junction.engine.runs;

/**
 * A step could not run because the platform's own infrastructure (its database: the vault, the run store, a lookup
 * table, …) could not be reached — not because of the workflow, its input or a remote system. Thrown by the
 * implementations of the engine's ports; the worker gives the step's task back to run again after a backoff, without
 * a step record and without spending one of the node's attempts, so that an outage never dead-letters a run.
 */
public class InfrastructureUnavailableException extends RuntimeException {

    public InfrastructureUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

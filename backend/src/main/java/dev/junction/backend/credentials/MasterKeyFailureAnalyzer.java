package dev.junction.backend.credentials;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/** A master key problem at start, told as what is wrong and what to do, not as a stack trace. */
class MasterKeyFailureAnalyzer implements FailureAnalyzer {

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MasterKeyException key) {
                return new FailureAnalysis("The credentials vault cannot start: " + key.getMessage(),
                        "Set " + MasterKeySource.VARIABLE + " to the base64 master key the secrets were sealed"
                                + " with, or unset it to use the key file.", key);
            }
        }
        return null;
    }
}

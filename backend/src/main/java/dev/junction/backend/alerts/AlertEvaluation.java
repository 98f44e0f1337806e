package dev.junction.backend.alerts;

import java.util.List;
import java.util.Map;

/**
 * What one evaluation of a stateful condition found, how many new occurrences each finding's fingerprint counts this
 * time (absent: 1; 0: still holds but nothing new happened, so it neither counts nor opens a new alert), and the
 * state to remember for the next evaluation.
 */
public record AlertEvaluation(List<AlertFinding> findings, Map<String, Integer> newOccurrences,
                              Map<String, Object> state) {

    public AlertEvaluation {
        findings = List.copyOf(findings);
        newOccurrences = Map.copyOf(newOccurrences);
    }

    public int newOccurrences(String fingerprint) {
        return newOccurrences.getOrDefault(fingerprint, 1);
    }
}

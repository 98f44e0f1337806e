package dev.junction.backend.alerts;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The alert changes of one transaction's evaluations — alerts to fire, open alerts found again (or notifying again),
 * alerts to resolve — collected by {@link FindingsApplier} rule by rule and written together by {@link AlertWriter}
 * in a few set-based statements (instead of several statements per alert). Not shared between threads.
 */
final class AlertWrites {

    /** A new firing alert; {@code notifies}: its {@code firing} notification is sent now (no window, not snoozed). */
    record Firing(AlertRule rule, AlertFinding finding, int occurrences, UUID windowId, boolean notifies) {
    }

    /**
     * An open alert found again: {@code newOccurrences} more, the finding's summary, link and details, the window
     * that covers it (null: none); {@code notification} the reason it notifies now ({@code firing},
     * {@code renotify}), or null.
     */
    record FoundAgain(AlertRule rule, Alert alert, AlertFinding finding, int newOccurrences, UUID windowId,
                      String notification) {
    }

    /** An open alert whose condition cleared; {@code notifies}: its {@code resolved} notification is sent. */
    record Resolution(AlertRule rule, Alert alert, boolean notifies) {
    }

    private final List<Firing> firings = new ArrayList<>();
    private final List<FoundAgain> foundAgain = new ArrayList<>();
    private final List<Resolution> resolutions = new ArrayList<>();

    void fire(Firing firing) {
        firings.add(firing);
    }

    void foundAgain(FoundAgain found) {
        foundAgain.add(found);
    }

    void resolve(Resolution resolution) {
        resolutions.add(resolution);
    }

    List<Firing> firings() {
        return firings;
    }

    List<FoundAgain> foundAgain() {
        return foundAgain;
    }

    List<Resolution> resolutions() {
        return resolutions;
    }

    boolean isEmpty() {
        return firings.isEmpty() && foundAgain.isEmpty() && resolutions.isEmpty();
    }
}

package dev.junction.engine.anomalies;

/** What an anomaly flag watches; {@link #jsonName()} is its name in the API, rules and URLs. */
public enum AnomalyMetric {
    /** Runs ended per hour. */
    VOLUME("volume", "runs"),
    /** Failed (failed + dead-lettered) runs as a share of ended runs. */
    FAILURE_RATE("failure_rate", "failure rate"),
    /** The 95th percentile of run durations. */
    P95_DURATION("p95_duration", "p95 duration");

    private final String jsonName;
    private final String label;

    AnomalyMetric(String jsonName, String label) {
        this.jsonName = jsonName;
        this.label = label;
    }

    public String jsonName() {
        return jsonName;
    }

    /** The metric for people ("failure rate"). */
    public String label() {
        return label;
    }

    /** The metric named {@code name} (case-insensitive), or null when none is. */
    public static AnomalyMetric fromJson(String name) {
        for (AnomalyMetric metric : values()) {
            if (metric.jsonName.equalsIgnoreCase(name)) {
                return metric;
            }
        }
        return null;
    }
}

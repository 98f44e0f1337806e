package dev.junction.engine.anomalies;

/** What an anomaly flag watches; {@link #jsonName()} is its name in the API, rules and URLs. */
public enum AnomalyMetric {
    /** Runs ended per hour. */
    VOLUME("volume", "runs"),
    /** Failed (failed + dead-lettered) runs as a share of ended runs. */
    FAILURE_RATE("failure_rate", "failure rate"),
    /** The 95th percentile of run durations. */
    P95_DURATION("p95_duration", "p95 duration"),
    /** The business amounts of the runs that recorded a sale (the workflow's amount setting), summed. */
    ORDER_VALUE("order_value", "order value"),
    /** Refunded amounts as a share of sold amounts (runs whose amount kind is refund against those of kind sale). */
    REFUND_SHARE("refund_share", "refund share"),
    /** Fees as a share of the settled amounts of the settlements reconciled by the workflow's runs. */
    SETTLEMENT_FEES("settlement_fees", "settlement fees");

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

    /** Whether the metric reads the runs' business amounts (order value, refund share, settlement fees). */
    public boolean isAmount() {
        return this == ORDER_VALUE || this == REFUND_SHARE || this == SETTLEMENT_FEES;
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

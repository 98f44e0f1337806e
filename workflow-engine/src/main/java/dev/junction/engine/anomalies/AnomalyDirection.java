package dev.junction.engine.anomalies;

/** Whether the observed value is below or above its usual range. */
public enum AnomalyDirection {
    LOW, HIGH;

    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

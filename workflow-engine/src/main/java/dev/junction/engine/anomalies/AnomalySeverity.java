package dev.junction.engine.anomalies;

/** How far out a flag is: a warning, or critical (volume fell to zero, or twice as far out as the band allows). */
public enum AnomalySeverity {
    WARNING, CRITICAL;

    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

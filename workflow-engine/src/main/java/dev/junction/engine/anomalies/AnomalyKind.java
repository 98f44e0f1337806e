package dev.junction.engine.anomalies;

/** The shape of an anomaly: a short fall, a short rise, or a sustained shift over a day. */
public enum AnomalyKind {
    DROP, SPIKE, DRIFT;

    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

package dev.junction.engine.runs;

import java.util.Locale;

/** What a claimed task asks of its node. */
public enum TaskKind {
    /** Run the node (again, on a retry). */
    EXECUTE,
    /** The node's timer fired or its subflow's run ended: finish the node. */
    RESUME,
    /** The node waits for its subflow's run; never due until that run ends. */
    WAIT_CHILD;

    public String dbName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TaskKind fromDb(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}

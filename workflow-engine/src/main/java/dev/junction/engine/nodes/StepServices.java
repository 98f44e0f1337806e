package dev.junction.engine.nodes;

import dev.junction.engine.connectors.ConnectorInvoker;
import dev.junction.engine.runs.LookupTables;
import dev.junction.engine.runs.Mappings;
import dev.junction.engine.runs.Notifier;
import dev.junction.engine.runs.RunStore;
import dev.junction.engine.runs.WorkflowSource;

import java.time.Clock;

/** What steps reach outside their run through: the application's ports, and the clock. */
public record StepServices(ConnectorInvoker connectors, RunStore store, WorkflowSource workflows,
                           LookupTables lookups, Mappings mappings, Notifier notifier, Clock clock) {
}

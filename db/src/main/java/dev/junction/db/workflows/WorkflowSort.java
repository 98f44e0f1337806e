package dev.junction.db.workflows;

/** The columns a workflow list can be sorted by. */
public enum WorkflowSort {
    NAME,
    CREATED_AT,
    UPDATED_AT
}

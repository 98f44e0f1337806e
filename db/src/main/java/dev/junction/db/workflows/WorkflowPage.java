package dev.junction.db.workflows;

import java.util.List;

/** One page of a workflow search, and how many workflows match in all. */
public record WorkflowPage(List<Workflow> items, int total) {

    public WorkflowPage {
        items = List.copyOf(items);
    }
}

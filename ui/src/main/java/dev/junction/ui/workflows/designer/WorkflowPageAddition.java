package dev.junction.ui.workflows.designer;

import com.vaadin.flow.component.Component;
import dev.junction.backend.workflows.StoredDefinition;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * What another feature adds to a workflow's page (e.g. the go-live checklist, a template's update banner, "Save as
 * template"): a Spring bean the {@link WorkflowDesignerView} asks on each navigation to a workflow and composes into
 * its page — parts under the title, actions next to it, and what to do when the designer saves or publishes. The
 * page knows this interface only, so the features that add to it depend on the page, never the other way round.
 */
public interface WorkflowPageAddition {

    /** What this feature adds to the page of {@code page.workflowId()}; {@link Parts#NONE} for nothing. */
    Parts partsFor(WorkflowPage page);

    /**
     * The workflow whose page is drawn, how to draw the page again (after a change made outside the designer), how
     * to tell the designer that the go-live checklist changed (its Publish button re-reads what gates it), and when
     * to do what can wait until the designer has drawn the workflow ({@code whenDrawn.accept(action)} runs the
     * action once the canvas is ready, at once if it is already): a part that reads something of its own then does
     * not put its round trip in the middle of the designer's first drawing.
     */
    record WorkflowPage(UUID workflowId, Runnable reload, Runnable checklistChanged, Consumer<Runnable> whenDrawn) {
    }

    /**
     * Components under the title (in order), components next to it, and what runs after the designer saved or
     * published a version (null: nothing); it gets the version the designer saved, as the save read and validated it
     * (null after a publish: read the latest version if needed).
     */
    record Parts(List<Component> underTitle, List<Component> titleActions,
                 Consumer<StoredDefinition> onDesignerChange) {

        public static final Parts NONE = new Parts(List.of(), List.of(), null);

        public Parts {
            underTitle = List.copyOf(underTitle);
            titleActions = List.copyOf(titleActions);
        }
    }
}

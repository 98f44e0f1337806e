package dev.junction.ui.workflows.designer;

import dev.junction.ui.mappings.editor.NodeContexts;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** The backend and the designer's presenters, without Vaadin's views: the designer's logic tested with no browser. */
@SpringBootApplication(scanBasePackages = {"dev.junction.backend", "dev.junction.ui.workflows"})
@Import(NodeContexts.class)
class DesignerTestApplication {
}

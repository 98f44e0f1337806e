package dev.junction.ui.workflows.designer;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The backend and the designer's presenters, without Vaadin's views: the designer's logic tested with no browser. */
@SpringBootApplication(scanBasePackages = {"dev.junction.backend", "dev.junction.ui.workflows"})
class DesignerTestApplication {
}

package dev.junction.ui.mappings.editor;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The backend and the mapping editor's presenters, without Vaadin's views: the editor's logic with no browser. */
@SpringBootApplication(scanBasePackages = {"dev.junction.backend", "dev.junction.ui.mappings.editor"})
class MapperTestApplication {
}

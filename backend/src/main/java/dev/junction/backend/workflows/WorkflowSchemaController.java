package dev.junction.backend.workflows;

import dev.junction.engine.definition.DefinitionJson;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The JSON Schema of the workflow definition format, for editors and for anyone writing definitions by hand. */
@RestController
class WorkflowSchemaController {

    private static final MediaType SCHEMA_JSON = MediaType.parseMediaType("application/schema+json");

    @GetMapping("/api/v1/schemas/workflow.json")
    ResponseEntity<String> schema() {
        return ResponseEntity.ok().contentType(SCHEMA_JSON).body(DefinitionJson.schema());
    }
}

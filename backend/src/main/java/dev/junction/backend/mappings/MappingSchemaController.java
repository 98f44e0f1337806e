package dev.junction.backend.mappings;

import dev.junction.engine.mapping.MappingJson;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The JSON Schema of the mapping document format, for the mapping editor and anyone writing mappings by hand. */
@RestController
class MappingSchemaController {

    private static final MediaType SCHEMA_JSON = MediaType.parseMediaType("application/schema+json");

    @GetMapping("/api/v1/schemas/mapping.json")
    ResponseEntity<String> schema() {
        return ResponseEntity.ok().contentType(SCHEMA_JSON).body(MappingJson.schemaJson());
    }
}

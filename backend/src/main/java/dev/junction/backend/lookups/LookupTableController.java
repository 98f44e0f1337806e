package dev.junction.backend.lookups;

import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.api.JsonBodies;
import dev.junction.backend.api.JsonText;
import dev.junction.db.lookups.LookupTable;
import dev.junction.engine.runs.LookupTables;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Lookup tables over REST: tables with their policy, entries, CSV import and export. */
@RestController
class LookupTableController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final LookupTableService service;

    LookupTableController(LookupTableService service) {
        this.service = service;
    }

    @GetMapping("/api/v1/lookup-tables")
    List<LookupTable> list() {
        return service.list();
    }

    @PostMapping(value = "/api/v1/lookup-tables", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    LookupTable create(@RequestBody String body) {
        Map<?, ?> fields = object(body, "name", "description", "missingKey", "keyLabel", "valueLabel");
        return service.create(fields.get("name") instanceof String name ? name : null, settings(fields));
    }

    @GetMapping("/api/v1/lookup-tables/{name}")
    LookupTable get(@PathVariable String name) {
        return service.get(name);
    }

    @PutMapping(value = "/api/v1/lookup-tables/{name}", consumes = MediaType.APPLICATION_JSON_VALUE)
    LookupTable update(@PathVariable String name, @RequestBody String body) {
        return service.update(name, settings(object(body, "description", "missingKey", "keyLabel", "valueLabel")));
    }

    @DeleteMapping("/api/v1/lookup-tables/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String name) {
        service.delete(name);
    }

    @GetMapping("/api/v1/lookup-tables/{name}/entries")
    List<Entry> entries(@PathVariable String name, @RequestParam(required = false) String q,
                        @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "100") int limit) {
        if (offset < 0) {
            throw new InvalidInputException("offset", "must be 0 or more");
        }
        if (limit < 1 || limit > 1000) {
            throw new InvalidInputException("limit", "must be between 1 and 1000");
        }
        return service.entries(name, q, offset, limit).entrySet().stream()
                .map(entry -> new Entry(entry.getKey(), entry.getValue())).toList();
    }

    @PutMapping(value = "/api/v1/lookup-tables/{name}/entries/{key}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Entry put(@PathVariable String name, @PathVariable String key, @RequestBody String body) {
        Map<?, ?> fields = object(body, "value");
        if (!fields.containsKey("value") || fields.get("value") == null) {
            throw new InvalidInputException("value", "is required: the value stored under the key");
        }
        service.put(name, key, fields.get("value"));
        return new Entry(key, fields.get("value"));
    }

    @DeleteMapping("/api/v1/lookup-tables/{name}/entries/{key}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable String name, @PathVariable String key) {
        service.remove(name, key);
    }

    @PostMapping(value = "/api/v1/lookup-tables/{name}/csv", consumes = "text/csv")
    Map<String, Object> importCsv(@PathVariable String name, @RequestBody String csv,
                                  @RequestParam(defaultValue = "merge") String mode) {
        if (!mode.equals("merge") && !mode.equals("replace")) {
            throw new InvalidInputException("mode", "must be merge (add and change entries) or replace (the file"
                    + " becomes the table)");
        }
        if (csv.indexOf('\0') >= 0) {
            throw new InvalidInputException("body", JsonText.NUL_MESSAGE);
        }
        return Map.of("imported", service.importCsv(name, csv, mode.equals("replace")), "mode", mode);
    }

    @GetMapping("/api/v1/lookup-tables/{name}/csv")
    ResponseEntity<String> exportCsv(@PathVariable String name) {
        String csv = service.exportCsv(name);
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name + ".csv")
                        .build().toString())
                .body(csv);
    }

    private static LookupTableService.Settings settings(Map<?, ?> fields) {
        String description = text(fields, "description", "");
        String policy = text(fields, "missingKey", "error");
        LookupTables.MissingKey missingKey = LookupTable.policy(policy).orElseThrow(() -> new InvalidInputException(
                "missingKey", "must be error (the step fails naming the key), null or passThrough, not '" + policy
                + "'"));
        return LookupTableService.Settings.checked(description, missingKey, text(fields, "keyLabel", "key"),
                text(fields, "valueLabel", "value"));
    }

    private static String text(Map<?, ?> fields, String name, String fallback) {
        Object value = fields.get(name);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof String text)) {
            throw new InvalidInputException(name, "must be text");
        }
        return text;
    }

    private static Map<?, ?> object(String body, String... fields) {
        return JsonBodies.object(body, "a JSON object", fields);
    }

    /** One key and its value. */
    record Entry(String key, Object value) {
    }
}

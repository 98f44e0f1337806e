package dev.junction.backend.mappings;

import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.api.JsonBodies;
import dev.junction.db.mappings.MappingVersion;
import dev.junction.db.mappings.StoredMapping;
import dev.junction.engine.mapping.MappingProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Stored mappings over REST: create, list, read, rename, versions (optimistic locking), publish, delete. */
@RestController
class MappingController {

    private final MappingService service;

    MappingController(MappingService service) {
        this.service = service;
    }

    @GetMapping("/api/v1/mappings")
    List<StoredMapping> list() {
        return service.list();
    }

    @PostMapping(value = "/api/v1/mappings", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Created create(@RequestBody String body) {
        Map<?, ?> fields = object(body, "name", "description", "definition");
        StoredMapping mapping = service.create(text(fields, "name"), text(fields, "description"),
                definition(fields));
        return new Created(mapping, view(service.version(mapping.id(), 1)));
    }

    @GetMapping("/api/v1/mappings/{id}")
    Detail get(@PathVariable UUID id) {
        StoredMapping mapping = service.get(id);
        return new Detail(mapping, view(service.version(id, mapping.latestVersion())));
    }

    /** Renames and/or describes: {@code {"name"}}, {@code {"description"}} or both. */
    @PatchMapping(value = "/api/v1/mappings/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    StoredMapping rename(@PathVariable UUID id, @RequestBody String body) {
        Map<?, ?> fields = object(body, "name", "description");
        return service.rename(id, text(fields, "name"), text(fields, "description"));
    }

    @DeleteMapping("/api/v1/mappings/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id) {
        service.delete(id);
    }

    @GetMapping("/api/v1/mappings/{id}/versions/diff")
    dev.junction.engine.mapping.MappingDiff diff(@PathVariable UUID id,
                                                 @org.springframework.web.bind.annotation.RequestParam int from,
                                                 @org.springframework.web.bind.annotation.RequestParam int to) {
        return service.diff(id, from, to);
    }

    @GetMapping("/api/v1/mappings/{id}/versions")
    List<VersionSummary> versions(@PathVariable UUID id) {
        return service.versions(id).stream().map(version -> new VersionSummary(version.version(), version.comment(),
                version.createdBy(), version.createdAt())).toList();
    }

    @GetMapping("/api/v1/mappings/{id}/versions/{version}")
    VersionView version(@PathVariable UUID id, @PathVariable int version) {
        return view(service.version(id, version));
    }

    @PostMapping(value = "/api/v1/mappings/{id}/versions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    VersionView save(@PathVariable UUID id, @RequestBody String body) {
        Map<?, ?> fields = object(body, "baseVersion", "definition", "comment");
        if (!(fields.get("baseVersion") instanceof Long base) || base < 0 || base > Integer.MAX_VALUE) {
            throw new InvalidInputException("baseVersion", "is required: the version your change is based on");
        }
        return view(service.save(id, base.intValue(), definition(fields), text(fields, "comment")));
    }

    @PostMapping("/api/v1/mappings/{id}/versions/{version}/publish")
    StoredMapping publish(@PathVariable UUID id, @PathVariable int version) {
        return service.publish(id, version);
    }

    private static Map<?, ?> object(String body, String... fields) {
        return JsonBodies.object(body, "a JSON object", fields);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> definition(Map<?, ?> fields) {
        if (!(fields.get("definition") instanceof Map<?, ?> definition)) {
            throw new InvalidInputException("definition", "is required: the mapping, as an object (docs/mappings.md)");
        }
        return (Map<String, Object>) definition;
    }

    private static String text(Map<?, ?> fields, String name) {
        Object value = fields.get(name);
        if (value != null && !(value instanceof String)) {
            throw new InvalidInputException(name, "must be text");
        }
        return (String) value;
    }

    private static VersionView view(MappingService.CheckedVersion checked) {
        MappingVersion version = checked.version();
        return new VersionView(version.version(), checked.definition(), version.comment(), version.createdBy(),
                version.createdAt(), checked.problems());
    }

    /** A version with its definition and the problems it has. */
    record VersionView(int version, Map<String, Object> definition, String comment, String createdBy,
                       OffsetDateTime createdAt, List<MappingProblem> problems) {
    }

    record VersionSummary(int version, String comment, String createdBy, OffsetDateTime createdAt) {
    }

    record Created(StoredMapping mapping, VersionView version) {
    }

    record Detail(StoredMapping mapping, VersionView latest) {
    }
}

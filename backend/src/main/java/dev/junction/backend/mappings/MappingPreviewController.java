package dev.junction.backend.mappings;

import dev.junction.engine.mapping.functions.FunctionParameter;
import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.api.JsonBodies;
import dev.junction.backend.api.NotFoundException;
import dev.junction.engine.mapping.MappingPreview;
import dev.junction.engine.mapping.MappingProblem;
import dev.junction.engine.mapping.functions.BuiltInFunctions;
import dev.junction.engine.mapping.functions.ShippedValueMaps;
import dev.junction.engine.mapping.SchemaCatalog;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/**
 * Mapping previews (a mapping and a sample in, the output with each field's lineage and problems out) and the
 * catalogues the mapping editor offers: functions, shipped schemas, shipped value maps.
 */
@RestController
class MappingPreviewController {

    /** The largest preview request taken, sample included. */
    static final int MAX_PREVIEW_BYTES = 1024 * 1024;

    private final MappingPreviewService previews;
    private final SchemaCatalog schemas;

    MappingPreviewController(MappingPreviewService previews, SchemaCatalog schemas) {
        this.schemas = schemas;
        this.previews = previews;
    }

    @PostMapping(value = "/api/v1/mappings/preview", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("isAuthenticated()")
    MappingPreview preview(@RequestBody String body) {
        if (body.length() > MAX_PREVIEW_BYTES) {
            throw new InvalidInputException("body", "must be at most " + MAX_PREVIEW_BYTES / 1024
                    + " KiB: preview with a smaller sample");
        }
        Map<?, ?> fields = JsonBodies.object(body, "an object {\"mapping\": {...}, \"sample\": {...}}",
                "mapping", "sample");
        if (!(fields.get("mapping") instanceof Map<?, ?> mapping)) {
            throw new InvalidInputException("mapping", "is required: the mapping to preview, as an object");
        }
        if (!fields.containsKey("sample")) {
            throw new InvalidInputException("sample", "is required: the record to run the mapping on");
        }
        MappingPreviewService.Answer answer = previews.preview(mapping, fields.get("sample"));
        if (!answer.compiled()) {
            throw new InvalidInputException(answer.problems().stream().filter(MappingProblem::isError)
                    .map(problem -> new InvalidInputException.FieldProblem("mapping." + problem.path(),
                            problem.message())).toList());
        }
        return new MappingPreview(answer.output(), answer.fields(), answer.problems());
    }

    @GetMapping("/api/v1/mappings/functions")
    @PreAuthorize("isAuthenticated()")
    List<FunctionView> functions() {
        return BuiltInFunctions.standard().all().stream().map(function -> new FunctionView(function.name(),
                function.minArgs(), function.maxArgs() == Integer.MAX_VALUE ? null : function.maxArgs(),
                function.description(), function.parameters(), function.inputType(), function.resultType())).toList();
    }

    @GetMapping("/api/v1/mappings/value-maps")
    @PreAuthorize("isAuthenticated()")
    List<ValueMapView> valueMaps() {
        return ShippedValueMaps.instance().all().stream().map(map -> new ValueMapView(map.name(), map.entries(),
                map.unmapped().jsonName(), map.defaultValue(), map.caseInsensitive())).toList();
    }

    @GetMapping("/api/v1/mappings/schemas")
    @PreAuthorize("isAuthenticated()")
    List<String> schemas() {
        return schemas.ids();
    }

    @GetMapping("/api/v1/mappings/schemas/{group}/{name}")
    @PreAuthorize("isAuthenticated()")
    Map<String, Object> schema(@PathVariable String group, @PathVariable String name) {
        return schemas.find(group + "/" + name)
                .orElseThrow(() -> new NotFoundException("No shipped schema '" + group + "/" + name + "'; see"
                        + " /api/v1/mappings/schemas"));
    }

    /** A function as the editor's palette lists it ({@code maxArgs} null: any number). */
    record FunctionView(String name, int minArgs, Integer maxArgs, String description,
                        List<FunctionParameter> parameters, String inputType, String resultType) {
    }

    /** A shipped value map. */
    record ValueMapView(String name, Map<String, Object> entries, String unmapped, Object defaultValue,
                        boolean caseInsensitive) {
    }
}

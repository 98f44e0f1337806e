package dev.junction.backend.mappings;

import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.api.JsonBodies;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** A preview sample taken from a connection's read-only operation ({@link ConnectionSampleService}). */
@RestController
class MappingSampleController {

    private final ConnectionSampleService samples;

    MappingSampleController(ConnectionSampleService samples) {
        this.samples = samples;
    }

    @PostMapping(value = "/api/v1/mappings/sample", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN', 'DESIGNER')")
    ConnectionSampleService.Sample sample(@RequestBody String body) {
        Map<?, ?> fields = JsonBodies.object(body, "an object {\"connection\", \"operation\", \"input\"?}",
                "connection", "operation", "input");
        if (fields.get("connection") != null && !(fields.get("connection") instanceof String)) {
            throw new InvalidInputException("connection", "is required: the id of a connection");
        }
        if (fields.get("operation") != null && !(fields.get("operation") instanceof String)) {
            throw new InvalidInputException("operation", "is required: a poll or read operation of the connection");
        }
        Object given = fields.get("input");
        if (given != null && !(given instanceof Map)) {
            throw new InvalidInputException("input", "must be an object of the operation's input fields");
        }
        return samples.fetch((String) fields.get("connection"), (String) fields.get("operation"), (Map<?, ?>) given);
    }
}

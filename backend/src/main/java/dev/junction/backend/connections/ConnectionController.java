package dev.junction.backend.connections;

import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.api.JsonBodies;
import dev.junction.engine.connectors.ConnectionCheck;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Connections over REST. Secrets go in (in {@code secrets}) and never come out: answers show per secret field only
 * whether it is set, when and by whom.
 */
@RestController
class ConnectionController {

    private static final Set<String> FIELDS = Set.of("id", "name", "connectorId", "environment", "settings",
            "secrets");

    private final ConnectionService service;

    ConnectionController(ConnectionService service) {
        this.service = service;
    }

    @GetMapping("/api/v1/connections")
    List<ConnectionView> list() {
        return service.list();
    }

    @PostMapping(value = "/api/v1/connections", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    ConnectionView create(@RequestBody String body) {
        return service.create(input(body));
    }

    @GetMapping("/api/v1/connections/{id}")
    ConnectionView get(@PathVariable String id) {
        return service.get(id);
    }

    @PutMapping(value = "/api/v1/connections/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ConnectionView update(@PathVariable String id, @RequestBody String body) {
        return service.update(id, input(body));
    }

    @DeleteMapping("/api/v1/connections/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String id) {
        service.delete(id);
    }

    @PostMapping("/api/v1/connections/{id}/test")
    ConnectionCheckAnswer test(@PathVariable String id) {
        ConnectionCheck check = service.test(id);
        return new ConnectionCheckAnswer(check.ok(), check.stage().name(), check.message());
    }

    /** The answer of a connection test. */
    record ConnectionCheckAnswer(boolean ok, String stage, String message) {
    }

    private static ConnectionInput input(String body) {
        Map<?, ?> fields = JsonBodies.object(body, "a JSON object with name, connectorId, environment, settings"
                + " and secrets", FIELDS.toArray(String[]::new));
        return new ConnectionInput(text(fields, "id"), text(fields, "name"), text(fields, "connectorId"),
                text(fields, "environment"), texts(fields, "settings"), texts(fields, "secrets"));
    }

    private static String text(Map<?, ?> fields, String name) {
        Object value = fields.get(name);
        if (value != null && !(value instanceof String)) {
            throw new InvalidInputException(name, "must be text");
        }
        return (String) value;
    }

    private static Map<String, String> texts(Map<?, ?> fields, String name) {
        Object value = fields.get(name);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new InvalidInputException(name, "must be an object of text values");
        }
        Map<String, String> texts = new LinkedHashMap<>();
        map.forEach((key, item) -> {
            if (item != null && !(item instanceof String) && !(item instanceof Number) && !(item instanceof Boolean)) {
                throw new InvalidInputException(name + "." + key, "must be text");
            }
            texts.put(String.valueOf(key), item == null ? null : String.valueOf(item));
        });
        return texts;
    }
}

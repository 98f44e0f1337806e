package dev.junction.backend.alerts.channels;

import dev.junction.backend.api.InvalidInputException;
import dev.junction.backend.api.JsonBodies;
import dev.junction.backend.api.NotFoundException;
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
import java.util.UUID;

/**
 * Alert channels over REST (ADMIN, OPERATOR). Secrets go in (in {@code secrets}) and never come out: answers say per
 * secret field only that it is set, by whom and when.
 */
@RestController
class AlertChannelController {

    private static final String[] FIELDS = {"name", "kind", "enabled", "settings", "secrets"};

    private final AlertChannelService service;

    AlertChannelController(AlertChannelService service) {
        this.service = service;
    }

    @GetMapping("/api/v1/alert-channels")
    List<AlertChannelView> list() {
        return service.list();
    }

    @GetMapping("/api/v1/alert-channels/kinds")
    List<ChannelKindView> kinds() {
        return service.kinds();
    }

    @PostMapping(value = "/api/v1/alert-channels", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    AlertChannelView create(@RequestBody String body) {
        return service.create(input(body));
    }

    @GetMapping("/api/v1/alert-channels/{id}")
    AlertChannelView get(@PathVariable String id) {
        return service.get(id(id));
    }

    @PutMapping(value = "/api/v1/alert-channels/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    AlertChannelView update(@PathVariable String id, @RequestBody String body) {
        return service.update(id(id), input(body));
    }

    @DeleteMapping("/api/v1/alert-channels/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String id) {
        service.delete(id(id));
    }

    /** Sends a test notification now; answers whether it was delivered, or what failed. */
    @PostMapping("/api/v1/alert-channels/{id}/test")
    DeliveryAnswer test(@PathVariable String id) {
        DeliveryResult result = service.sendTest(id(id));
        return new DeliveryAnswer(result.notificationId(), result.delivered(), result.state(), result.detail());
    }

    /** The answer of "send test": the outbox row, whether it was delivered, its state, and what was sent or failed. */
    record DeliveryAnswer(long notificationId, boolean delivered, String state, String detail) {
    }

    private static UUID id(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("There is no alert channel " + text + " (ids are UUIDs).");
        }
    }

    private static AlertChannelInput input(String body) {
        Map<?, ?> fields = JsonBodies.object(body, "a JSON object with name, kind, enabled, settings and secrets",
                FIELDS);
        Object enabled = fields.get("enabled");
        if (enabled != null && !(enabled instanceof Boolean)) {
            throw new InvalidInputException("enabled", "must be true or false");
        }
        return new AlertChannelInput(text(fields, "name"), text(fields, "kind"), (Boolean) enabled,
                object(fields, "settings"), texts(fields, "secrets"));
    }

    private static String text(Map<?, ?> fields, String name) {
        Object value = fields.get(name);
        if (value != null && !(value instanceof String)) {
            throw new InvalidInputException(name, "must be text");
        }
        return (String) value;
    }

    private static Map<String, Object> object(Map<?, ?> fields, String name) {
        Object value = fields.get(name);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new InvalidInputException(name, "must be an object");
        }
        Map<String, Object> object = new LinkedHashMap<>();
        map.forEach((key, item) -> object.put(String.valueOf(key), item));
        return object;
    }

    private static Map<String, String> texts(Map<?, ?> fields, String name) {
        Map<String, String> texts = new LinkedHashMap<>();
        object(fields, name).forEach((key, item) -> {
            if (item != null && !(item instanceof String)) {
                throw new InvalidInputException(name + "." + key, "must be text");
            }
            texts.put(key, (String) item);
        });
        return texts;
    }
}

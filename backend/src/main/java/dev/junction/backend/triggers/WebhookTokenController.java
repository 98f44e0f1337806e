package dev.junction.backend.triggers;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.UUID;

/** {@code /api/v1/workflows/{id}/webhook}: the workflow's webhook URL, and rotating its secret token. */
@RestController
class WebhookTokenController {

    private final WebhookTokens tokens;
    private final String publicUrl;

    WebhookTokenController(WebhookTokens tokens, @Value("${junction.public-url:}") String publicUrl) {
        this.tokens = tokens;
        this.publicUrl = publicUrl;
    }

    record Webhook(String url, String token) {
    }

    @GetMapping(path = "/api/v1/workflows/{id}/webhook", produces = "application/json")
    Webhook get(@PathVariable UUID id) {
        return webhook(id, tokens.token(id));
    }

    @PostMapping(path = "/api/v1/workflows/{id}/webhook/rotate", produces = "application/json")
    Webhook rotate(@PathVariable UUID id) {
        return webhook(id, tokens.rotate(id));
    }

    private Webhook webhook(UUID id, String token) {
        String base = publicUrl == null || publicUrl.isBlank()
                ? ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString()
                : publicUrl.replaceAll("/+$", "");
        return new Webhook(base + "/hooks/" + id + "/" + token, token);
    }
}

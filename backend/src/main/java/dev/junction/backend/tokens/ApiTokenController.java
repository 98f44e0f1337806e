package dev.junction.backend.tokens;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.List;
import java.util.UUID;

/**
 * {@code /api/v1/tokens}: the signed-in user's personal API tokens ({@code ?user=} for an admin: anyone's). The
 * create answer carries the token, once, and is marked not to be cached.
 */
@RestController
@RequestMapping(path = "/api/v1/tokens", produces = "application/json")
class ApiTokenController {

    private final ApiTokenService tokens;

    ApiTokenController(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    @PostMapping(consumes = "application/json")
    ResponseEntity<CreatedApiToken> create(@RequestBody ApiTokenRequest request) {
        CreatedApiToken created = tokens.create(request);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                        .buildAndExpand(created.id()).toUri())
                .cacheControl(CacheControl.noStore())
                .body(created);
    }

    @GetMapping
    List<ApiTokenView> list(@RequestParam(name = "user", required = false) String user) {
        return tokens.list(user == null || user.isBlank() ? null : user.strip());
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(@PathVariable UUID id) {
        tokens.revoke(id);
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(TokenCreationRefused.class)
    ProblemDetail creationRefused(TokenCreationRefused e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
    }
}

package dev.junction.backend.catalog;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * {@code GET /api/v1/catalog}: the catalog the editors read, built once and served as the same bytes each time with
 * a strong ETag; a client that sends the ETag back in {@code If-None-Match} gets 304 without a body. Any signed-in
 * user may read it. And its JSON Schema, {@code GET /api/v1/schemas/catalog.json}.
 */
@RestController
class CatalogController {

    /** Kept by the browser only (it is per-user data), and checked with the ETag before each use. */
    static final String CACHE_CONTROL = "private, no-cache";
    private static final MediaType SCHEMA_JSON = MediaType.parseMediaType("application/schema+json");

    private final CatalogService catalog;
    private final String schema = CatalogSchema.json();

    CatalogController(CatalogService catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/api/v1/catalog")
    ResponseEntity<byte[]> catalog(ServletWebRequest request, HttpServletResponse response) {
        CatalogService.Served served = catalog.served();
        // replaces the security chain's "no-store", written before the request was handled
        response.setHeader(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
        if (request.checkNotModified(served.etag())) {
            return null;
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).eTag(served.etag()).body(served.json());
    }

    @GetMapping("/api/v1/schemas/catalog.json")
    ResponseEntity<String> schema() {
        return ResponseEntity.ok().contentType(SCHEMA_JSON).body(schema);
    }
}

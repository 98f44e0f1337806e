package dev.junction.backend.connections;

import dev.junction.backend.api.NotFoundException;
import dev.junction.engine.connectors.Connector;
import dev.junction.engine.connectors.ConnectorCatalog;
import dev.junction.engine.connectors.ConnectorDescriptor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The connector catalog: every installed connector's descriptor (settings with secret fields flagged, operations
 * with their schemas, rate limits and idempotency keys), which drives the palette, the forms and the docs.
 */
@RestController
class ConnectorCatalogController {

    private final ConnectorCatalog catalog;

    ConnectorCatalogController(ConnectorCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/api/v1/connectors")
    List<ConnectorDescriptor> list() {
        return catalog.all().stream().map(Connector::descriptor).toList();
    }

    @GetMapping("/api/v1/connectors/{id}")
    ConnectorDescriptor get(@PathVariable String id) {
        return catalog.find(id).map(Connector::descriptor)
                .orElseThrow(() -> new NotFoundException("There is no connector '" + id + "'."));
    }
}

package dev.junction.ui.templates;

import dev.junction.backend.catalog.CatalogService;
import org.springframework.stereotype.Component;

/** Connector ids as people read them ("amazon-sp-api" → "Amazon SP-API"), from the catalog every user may read. */
@Component
public class ConnectorNames {

    private final CatalogService catalog;

    ConnectorNames(CatalogService catalog) {
        this.catalog = catalog;
    }

    /** The connector's name; the id itself when no installed connector has it. */
    public String name(String connectorId) {
        return catalog.catalog().connectors().stream().filter(connector -> connector.id().equals(connectorId))
                .map(connector -> connector.name()).findFirst().orElse(connectorId);
    }
}

package dev.junction.backend.catalog;

import dev.junction.engine.connectors.ConnectorCatalog;
import dev.junction.engine.mapping.functions.BuiltInFunctions;
import dev.junction.engine.mapping.functions.ShippedValueMaps;
import dev.junction.engine.mapping.SchemaCatalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** The catalog over the installed connectors and the mapping engine's built-in functions, value maps and schemas. */
@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

    @Bean
    CatalogService catalogService(ConnectorCatalog connectors, SchemaCatalog mappingSchemas, JsonMapper json) {
        return new CatalogService(connectors, BuiltInFunctions.standard(), ShippedValueMaps.instance(),
                mappingSchemas, json);
    }
}

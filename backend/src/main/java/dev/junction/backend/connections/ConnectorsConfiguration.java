package dev.junction.backend.connections;

import dev.junction.engine.connectors.ConnectorCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The connectors on the class path (found with ServiceLoader). */
@Configuration(proxyBeanMethods = false)
class ConnectorsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ConnectorsConfiguration.class);

    @Bean
    ConnectorCatalog connectorCatalog() {
        ConnectorCatalog catalog = ConnectorCatalog.discovered();
        log.info("Connectors: {}", catalog.all().stream().map(connector -> connector.descriptor().id()).toList());
        return catalog;
    }
}

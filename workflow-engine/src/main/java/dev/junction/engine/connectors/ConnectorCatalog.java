package dev.junction.engine.connectors;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The connectors on the class path, by id, as {@link ServiceLoader} finds them. */
public final class ConnectorCatalog {

    private final Map<String, Connector> byId = new TreeMap<>();

    public ConnectorCatalog(Collection<Connector> connectors) {
        for (Connector connector : connectors) {
            Connector earlier = byId.put(connector.descriptor().id(), connector);
            if (earlier != null) {
                throw new IllegalStateException("two connectors have the id " + connector.descriptor().id() + ": "
                        + earlier.getClass().getName() + " and " + connector.getClass().getName());
            }
        }
    }

    /** Every connector {@code ServiceLoader} finds with this class's loader. */
    public static ConnectorCatalog discovered() {
        return new ConnectorCatalog(ServiceLoader.load(Connector.class, ConnectorCatalog.class.getClassLoader())
                .stream().map(ServiceLoader.Provider::get).toList());
    }

    public Optional<Connector> find(String connectorId) {
        return Optional.ofNullable(byId.get(connectorId));
    }

    /** Every connector, by id. */
    public List<Connector> all() {
        return List.copyOf(byId.values());
    }
}

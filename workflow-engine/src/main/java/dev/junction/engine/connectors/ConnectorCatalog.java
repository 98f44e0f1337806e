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
            requireDescribedAsBound(connector);
            Connector earlier = byId.put(connector.descriptor().id(), connector);
            if (earlier != null) {
                throw new IllegalStateException("two connectors have the id " + connector.descriptor().id() + ": "
                        + earlier.getClass().getName() + " and " + connector.getClass().getName());
            }
        }
    }

    /**
     * Refuses a connector whose descriptor lists other operations than it binds to handlers: every described
     * operation must run, and every operation that runs must be described, in the same order.
     */
    public static void requireDescribedAsBound(Connector connector) {
        List<OperationDescriptor> described = connector.descriptor().operations();
        List<OperationDescriptor> bound = connector.operations().stream().map(Operation::descriptor).toList();
        if (!described.equals(bound)) {
            throw new IllegalStateException("connector " + connector.descriptor().id() + " describes the operations "
                    + described.stream().map(OperationDescriptor::id).toList() + " but binds handlers to "
                    + bound.stream().map(OperationDescriptor::id).toList());
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

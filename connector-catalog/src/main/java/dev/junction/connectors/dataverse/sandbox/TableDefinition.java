package dev.junction.connectors.dataverse.sandbox;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the simulator knows of one Dataverse table: entity set, primary key, alternate keys (single column), typed
 * columns, which columns the Web API will not take on create or on update, single-valued lookups (written with
 * {@code <navigation>@odata.bind}, read as {@code _x_value}) and collection-valued navigation properties.
 */
record TableDefinition(String entitySet, String logicalName, String primaryKey, List<String> alternateKeys,
                       Map<String, ColumnType> columns, Set<String> notForCreate, Set<String> notForUpdate,
                       List<Lookup> lookups, List<Children> children) {

    /** A single-valued navigation property: {@code customerid_contact} writes {@code _customerid_value}. */
    record Lookup(String navigation, String valueColumn, String targetSet) {
    }

    /** A collection-valued navigation property: {@code order_details} lists salesorderdetails of this order. */
    record Children(String navigation, String childSet, String parentValueColumn) {
    }

    Optional<ColumnType> column(String name) {
        return Optional.ofNullable(columns.get(name));
    }

    Optional<Lookup> lookup(String navigation) {
        return lookups.stream().filter(lookup -> lookup.navigation().equals(navigation)).findFirst();
    }

    Optional<Children> children(String navigation) {
        return children.stream().filter(child -> child.navigation().equals(navigation)).findFirst();
    }

    String edmType() {
        return "Microsoft.Dynamics.CRM." + logicalName;
    }

    ODataError unknownProperty(String name) {
        return ODataError.badQuery("Could not find a property named '" + name + "' on type '" + edmType() + "'.");
    }
}

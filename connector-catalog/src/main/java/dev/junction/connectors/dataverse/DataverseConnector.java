package dev.junction.connectors.dataverse;

import dev.junction.connectors.auth.AccessTokens;
import dev.junction.connectors.dataverse.DataverseApi.Request;
import dev.junction.connectors.http.ConnectionChecks;
import dev.junction.connectors.http.RemoteHttp;
import dev.junction.engine.connectors.ConnectionAccess;
import dev.junction.engine.connectors.ConnectionCheck;
import dev.junction.engine.connectors.Connector;
import dev.junction.engine.connectors.ConnectorDescriptor;
import dev.junction.engine.connectors.ConnectorException;
import dev.junction.engine.connectors.OperationCall;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Dynamics 365 / Dataverse Web API connector (id {@code dataverse}): sales orders queried and polled by change
 * tracking, records read and written (also upserted by alternate key), contacts and products looked up, orders
 * fulfilled or cancelled and shipment tracking written back. Signs in with OAuth 2.0 client credentials, one
 * cached token per connection.
 */
public final class DataverseConnector implements Connector {

    private static final ConnectorDescriptor DESCRIPTOR = DataverseDescriptor.descriptor();

    private final RemoteHttp http;
    private final AccessTokens tokens;
    private final DataverseTokenEndpoint tokenEndpoint;

    public DataverseConnector() {
        this(new RemoteHttp(), new AccessTokens());
    }

    public DataverseConnector(RemoteHttp http, AccessTokens tokens) {
        this.http = http;
        this.tokens = tokens;
        this.tokenEndpoint = new DataverseTokenEndpoint(http);
    }

    @Override
    public ConnectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Object invoke(OperationCall call) throws ConnectorException {
        DataverseApi api = new DataverseApi(http, tokens, tokenEndpoint, call.connection(), call.operation(),
                call.deadline());
        Inputs input = new Inputs(withIdempotencyKey(call));
        return switch (call.operation()) {
            case "querySalesOrders" -> SalesOrderQueries.query(api, input);
            case "pollSalesOrders" -> SalesOrderQueries.poll(api, input);
            case "getRecord" -> RecordOperations.get(api, input);
            case "createRecord" -> RecordOperations.create(api, input);
            case "updateRecord" -> RecordOperations.update(api, input);
            case "upsertByAlternateKey" -> RecordOperations.upsert(api, input, call.possibleRepeat());
            case "findOrCreateContact" -> RecordOperations.findOrCreateContact(api, input);
            case "findProductByNumber" -> RecordOperations.findProductByNumber(api, input);
            case "fulfillSalesOrder" -> SalesOrderActions.fulfill(api, input);
            case "cancelSalesOrder" -> SalesOrderActions.cancel(api, input);
            case "writeShipmentTracking" -> SalesOrderActions.writeShipmentTracking(api, input);
            default -> throw ConnectorException.permanentFailure("UnknownOperation", "the dataverse connector has no"
                    + " operation '" + call.operation() + "'", null, null);
        };
    }

    /** The input with the operation's idempotency key field filled from the step's key when left empty. */
    private static Map<String, Object> withIdempotencyKey(OperationCall call) {
        String field = DESCRIPTOR.operation(call.operation()).map(op -> op.idempotencyKeyField()).orElse(null);
        if (field == null || (call.input().get(field) instanceof String value && !value.isBlank())) {
            return call.input();
        }
        Map<String, Object> input = new LinkedHashMap<>(call.input());
        input.put(field, call.idempotencyKey());
        return input;
    }

    /** Signs in (AUTH), then asks WhoAmI, the cheapest call every application user may make (PERMISSION on 403). */
    @Override
    public ConnectionCheck test(ConnectionAccess connection) {
        try {
            DataverseApi api = new DataverseApi(http, tokens, tokenEndpoint, connection, null,
                    Instant.now().plusSeconds(20));
            Map<String, Object> whoAmI = api.json(Request.get("WhoAmI"));
            return ConnectionCheck.ok("signed in to " + api.settings().organizationUrl() + " as user "
                    + whoAmI.get("UserId") + " of organisation " + whoAmI.get("OrganizationId"));
        } catch (ConnectorException failure) {
            return ConnectionChecks.failed(failure);
        }
    }
}

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
import dev.junction.engine.connectors.Operation;
import dev.junction.engine.connectors.OperationCall;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Dynamics 365 / Dataverse Web API connector (id {@code dataverse}): sales orders queried and polled by change
 * tracking, records read and written (also upserted by alternate key), contacts and products looked up, orders
 * fulfilled or cancelled and shipment tracking written back. Signs in with OAuth 2.0 client credentials, one
 * cached token per connection.
 */
public final class DataverseConnector implements Connector {

    private final RemoteHttp http;
    private final AccessTokens tokens;
    private final DataverseTokenEndpoint tokenEndpoint;
    private final List<Operation> operations = List.of(
            new Operation(DataverseDescriptor.QUERY_SALES_ORDERS,
                    call -> SalesOrderQueries.query(api(call), input(call))),
            new Operation(DataverseDescriptor.POLL_SALES_ORDERS, call -> SalesOrderQueries.poll(api(call), input(call))),
            new Operation(DataverseDescriptor.GET_RECORD, call -> RecordOperations.get(api(call), input(call))),
            new Operation(DataverseDescriptor.CREATE_RECORD, call -> RecordOperations.create(api(call), input(call))),
            new Operation(DataverseDescriptor.UPDATE_RECORD, call -> RecordOperations.update(api(call), input(call))),
            new Operation(DataverseDescriptor.UPSERT_BY_ALTERNATE_KEY,
                    call -> RecordOperations.upsert(api(call), input(call), call.possibleRepeat())),
            new Operation(DataverseDescriptor.FIND_OR_CREATE_CONTACT,
                    call -> RecordOperations.findOrCreateContact(api(call), input(call))),
            new Operation(DataverseDescriptor.FIND_PRODUCT_BY_NUMBER,
                    call -> RecordOperations.findProductByNumber(api(call), input(call))),
            new Operation(DataverseDescriptor.FULFILL_SALES_ORDER,
                    call -> SalesOrderActions.fulfill(api(call), input(call))),
            new Operation(DataverseDescriptor.CANCEL_SALES_ORDER,
                    call -> SalesOrderActions.cancel(api(call), input(call))),
            new Operation(DataverseDescriptor.WRITE_SHIPMENT_TRACKING,
                    call -> SalesOrderActions.writeShipmentTracking(api(call), input(call))),
            new Operation(DataverseDescriptor.WRITE_JOURNAL_LINES,
                    call -> JournalLines.write(api(call), input(call))));
    private final ConnectorDescriptor descriptor = DataverseDescriptor.descriptor(
            operations.stream().map(Operation::descriptor).toList());

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
        return descriptor;
    }

    @Override
    public List<Operation> operations() {
        return operations;
    }

    private DataverseApi api(OperationCall call) throws ConnectorException {
        return new DataverseApi(http, tokens, tokenEndpoint, call.connection(), call.operation(), call.deadline());
    }

    /** The input with the operation's idempotency key field filled from the step's key when left empty. */
    private Inputs input(OperationCall call) {
        String field = descriptor.operation(call.operation()).map(op -> op.idempotencyKeyField()).orElse(null);
        if (field == null || (call.input().get(field) instanceof String value && !value.isBlank())) {
            return new Inputs(call.input());
        }
        Map<String, Object> input = new LinkedHashMap<>(call.input());
        input.put(field, call.idempotencyKey());
        return new Inputs(input);
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

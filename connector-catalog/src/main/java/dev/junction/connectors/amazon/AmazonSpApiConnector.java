package dev.junction.connectors.amazon;

import dev.junction.connectors.auth.AccessTokens;
import dev.junction.connectors.http.ConnectionChecks;
import dev.junction.connectors.http.RemoteHttp;
import dev.junction.engine.connectors.ConnectionAccess;
import dev.junction.engine.connectors.ConnectionCheck;
import dev.junction.engine.connectors.Connector;
import dev.junction.engine.connectors.ConnectorDescriptor;
import dev.junction.engine.connectors.ConnectorException;
import dev.junction.engine.connectors.Operation;
import dev.junction.engine.connectors.OperationCall;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Amazon Selling Partner API connector ({@code amazon-sp-api}): orders, Multi-Channel Fulfillment and reports
 * of a seller account, authenticated with a Login with Amazon refresh token (access tokens cached per connection).
 */
public final class AmazonSpApiConnector implements Connector {

    private static final Duration TEST_TIME = Duration.ofSeconds(15);

    private final RemoteHttp http;
    private final AccessTokens tokens;
    private final LwaClient lwa;
    private final ReportDocuments documents = new ReportDocuments();
    private final List<Operation> operations = List.of(
            new Operation(SpApiDescriptor.GET_ORDERS, call -> orders(call).getOrders(input(call))),
            new Operation(SpApiDescriptor.POLL_ORDERS, call -> orders(call).pollOrders(input(call))),
            new Operation(SpApiDescriptor.GET_ORDER, call -> orders(call).getOrder(input(call))),
            new Operation(SpApiDescriptor.GET_ORDER_ITEMS, call -> orders(call).getOrderItems(input(call))),
            new Operation(SpApiDescriptor.CREATE_FULFILLMENT_ORDER,
                    call -> fulfillment(call).create(input(call), call.idempotencyKey())),
            new Operation(SpApiDescriptor.GET_FULFILLMENT_ORDER, call -> fulfillment(call).get(input(call))),
            new Operation(SpApiDescriptor.CANCEL_FULFILLMENT_ORDER, call -> fulfillment(call).cancel(input(call))),
            new Operation(SpApiDescriptor.GET_PACKAGE_TRACKING_DETAILS,
                    call -> fulfillment(call).tracking(input(call))),
            new Operation(SpApiDescriptor.CREATE_REPORT, call -> reports(call).createReport(input(call))),
            new Operation(SpApiDescriptor.GET_REPORT, call -> reports(call).getReport(input(call))),
            new Operation(SpApiDescriptor.GET_REPORTS, call -> reports(call).getReports(input(call))),
            new Operation(SpApiDescriptor.GET_REPORT_DOCUMENT, call -> reports(call).getReportDocument(input(call))),
            new Operation(SpApiDescriptor.GET_SETTLEMENT_REPORT,
                    call -> reports(call).getSettlementReport(input(call))),
            new Operation(SpApiDescriptor.POLL_SETTLEMENT_REPORTS,
                    call -> reports(call).pollSettlementReports(input(call))));
    private final ConnectorDescriptor descriptor = SpApiDescriptor.descriptor(
            operations.stream().map(Operation::descriptor).toList());

    public AmazonSpApiConnector() {
        this(new RemoteHttp(), new AccessTokens());
    }

    public AmazonSpApiConnector(RemoteHttp http, AccessTokens tokens) {
        this.http = http;
        this.tokens = tokens;
        this.lwa = new LwaClient(http);
    }

    @Override
    public ConnectorDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public List<Operation> operations() {
        return operations;
    }

    /** Calls the operation (see {@link Connector#invoke}), with the connection's secrets blanked out of a failure. */
    @Override
    public Object invoke(OperationCall call) throws ConnectorException {
        try {
            return Connector.super.invoke(call);
        } catch (ConnectorException failure) {
            throw Redaction.clean(failure, secrets(call.connection()));
        }
    }

    private SpApiClient client(OperationCall call) throws ConnectorException {
        return new SpApiClient(http, tokens, lwa, call, SpApiSettings.of(call.connection()));
    }

    private OrdersOperations orders(OperationCall call) throws ConnectorException {
        return new OrdersOperations(client(call));
    }

    private FulfillmentOperations fulfillment(OperationCall call) throws ConnectorException {
        return new FulfillmentOperations(client(call));
    }

    private ReportsOperations reports(OperationCall call) throws ConnectorException {
        return new ReportsOperations(client(call), documents);
    }

    private static Input input(OperationCall call) {
        return new Input(call.operation(), call.input());
    }

    /**
     * Exchanges the refresh token with LWA (a refusal is AUTH), then lists one order of the last day (a 403 is
     * PERMISSION: the seller did not authorise the Orders role for the application).
     */
    @Override
    public ConnectionCheck test(ConnectionAccess connection) {
        Instant deadline = Instant.now().plus(TEST_TIME);
        try {
            SpApiSettings settings = SpApiSettings.of(connection);
            if (settings.marketplaceIds().isEmpty()) {
                return ConnectionCheck.failed(ConnectionCheck.Stage.SETTINGS,
                        "the connection names no marketplace ids");
            }
            // a fresh exchange proves the credentials as they are now, not as a cached token remembers them
            lwa.exchange(connection, settings, deadline);
            Map<String, Object> input = new LinkedHashMap<>();
            input.put("CreatedAfter", Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS)
                    .toString());
            input.put("MaxResultsPerPage", 1L);
            input.put("maxPages", 1L);
            OperationCall call = new OperationCall(connection, "getOrders", input, "connection-test", deadline,
                    false);
            new OrdersOperations(new SpApiClient(http, tokens, lwa, call, settings)).getOrders(
                    new Input("getOrders", input));
            return ConnectionCheck.ok("LWA accepted the refresh token and getOrders answered for "
                    + String.join(", ", settings.marketplaceIds()));
        } catch (ConnectorException failure) {
            return ConnectionChecks.failed(Redaction.clean(failure, secrets(connection)));
        }
    }

    private static List<String> secrets(ConnectionAccess connection) {
        List<String> secrets = new ArrayList<>();
        connection.secret(SpApiSettings.LWA_CLIENT_SECRET).ifPresent(secrets::add);
        connection.secret(SpApiSettings.REFRESH_TOKEN).ifPresent(secrets::add);
        return secrets;
    }
}

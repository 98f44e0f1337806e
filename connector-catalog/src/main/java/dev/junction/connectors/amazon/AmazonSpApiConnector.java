package dev.junction.connectors.amazon;

import dev.junction.connectors.auth.AccessTokens;
import dev.junction.connectors.http.ConnectionChecks;
import dev.junction.connectors.http.RemoteHttp;
import dev.junction.engine.connectors.ConnectionAccess;
import dev.junction.engine.connectors.ConnectionCheck;
import dev.junction.engine.connectors.Connector;
import dev.junction.engine.connectors.ConnectorDescriptor;
import dev.junction.engine.connectors.ConnectorException;
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

    private static final ConnectorDescriptor DESCRIPTOR = SpApiDescriptor.descriptor();
    private static final Duration TEST_TIME = Duration.ofSeconds(15);

    private final RemoteHttp http;
    private final AccessTokens tokens;
    private final LwaClient lwa;
    private final ReportDocuments documents = new ReportDocuments();

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
        return DESCRIPTOR;
    }

    @Override
    public Object invoke(OperationCall call) throws ConnectorException {
        try {
            return dispatch(call);
        } catch (ConnectorException failure) {
            throw Redaction.clean(failure, secrets(call.connection()));
        }
    }

    private Object dispatch(OperationCall call) throws ConnectorException {
        SpApiClient client = new SpApiClient(http, tokens, lwa, call, SpApiSettings.of(call.connection()));
        Input input = new Input(call.operation(), call.input());
        OrdersOperations orders = new OrdersOperations(client);
        FulfillmentOperations fulfillment = new FulfillmentOperations(client);
        ReportsOperations reports = new ReportsOperations(client, documents);
        return switch (call.operation()) {
            case "getOrders" -> orders.getOrders(input);
            case "pollOrders" -> orders.pollOrders(input);
            case "getOrder" -> orders.getOrder(input);
            case "getOrderItems" -> orders.getOrderItems(input);
            case "createFulfillmentOrder" -> fulfillment.create(input, call.idempotencyKey());
            case "getFulfillmentOrder" -> fulfillment.get(input);
            case "cancelFulfillmentOrder" -> fulfillment.cancel(input);
            case "getPackageTrackingDetails" -> fulfillment.tracking(input);
            case "createReport" -> reports.createReport(input);
            case "getReport" -> reports.getReport(input);
            case "getReports" -> reports.getReports(input);
            case "getReportDocument" -> reports.getReportDocument(input);
            case "getSettlementReport" -> reports.getSettlementReport(input);
            case "pollSettlementReports" -> reports.pollSettlementReports(input);
            default -> throw ConnectorException.permanentFailure("UnknownOperation",
                    "the Amazon SP-API connector has no operation '" + call.operation() + "'", null, null);
        };
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
